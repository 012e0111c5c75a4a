package dev.app09.testkit.server;

/** Switches of the fake Graph that tests flip to reach the less common Graph behaviours. */
final class ServerOptions {

    static final String DEFAULT_ORGANIZATION = "app09 fake tenant";

    private volatile boolean federatedExpandSupported = true;
    private volatile boolean keyValuesReadable = true;
    private volatile String organizationName = DEFAULT_ORGANIZATION;
    private volatile boolean deltaSendsChangedPropertiesOnly;

    boolean federatedExpandSupported() {
        return federatedExpandSupported;
    }

    void federatedExpandSupported(boolean supported) {
        this.federatedExpandSupported = supported;
    }

    boolean keyValuesReadable() {
        return keyValuesReadable;
    }

    void keyValuesReadable(boolean readable) {
        this.keyValuesReadable = readable;
    }

    String organizationName() {
        return organizationName;
    }

    void organizationName(String name) {
        this.organizationName = name;
    }

    boolean deltaSendsChangedPropertiesOnly() {
        return deltaSendsChangedPropertiesOnly;
    }

    void deltaSendsChangedPropertiesOnly(boolean changedOnly) {
        this.deltaSendsChangedPropertiesOnly = changedOnly;
    }

    void reset() {
        federatedExpandSupported = true;
        keyValuesReadable = true;
        organizationName = DEFAULT_ORGANIZATION;
        deltaSendsChangedPropertiesOnly = false;
    }
}
