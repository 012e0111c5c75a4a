package dev.app09.testkit.server;

import java.nio.charset.StandardCharsets;

/** A status and a JSON body (empty for 204). */
record Answer(int status, byte[] body) {

    static Answer noContent() {
        return new Answer(204, new byte[0]);
    }

    @Override
    public String toString() {
        return status + " " + new String(body, StandardCharsets.UTF_8);
    }
}
