package dev.app09.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fake Entra's TLS key store, made with the JDK's keytool, and the errors when keytool is missing or fails. */
final class TlsKeyStoreTest {

    @TempDir
    Path javaHome;

    @Test
    void key_store_holds_a_certificate_for_the_loopback_address_and_localhost() throws Exception {
        TlsKeyStore tls = TlsKeyStore.get();

        X509Certificate certificate = tls.certificate();
        assertThat(Files.isRegularFile(tls.path())).isTrue();
        assertThat(tls.path().getFileName()).hasToString("app09-fake-entra-tls.p12");
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(certificate.getSubjectAlternativeNames()).extracting(san -> String.valueOf(san.get(1)))
                .containsExactlyInAnyOrder("127.0.0.1", "localhost");
        assertThat(TlsKeyStore.get()).as("made once per JVM").isSameAs(tls);
    }

    @Test
    void jdk_without_keytool_is_refused_with_what_is_missing() {
        Throwable failure = catchThrowable(() -> TlsKeyStore.create(javaHome));

        assertThat(failure).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("keytool not found in " + javaHome.resolve("bin"));
    }

    @Test
    void keytool_that_fails_is_reported_with_its_output() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell to stand in for keytool");
        Path bin = Files.createDirectories(javaHome.resolve("bin"));
        Path keytool = bin.resolve("keytool");
        Files.writeString(keytool, "#!/bin/sh\necho 'keytool error: java.lang.Exception: broken on purpose' >&2\nexit 1\n");
        assumeTrue(keytool.toFile().setExecutable(true), "cannot make the stand-in keytool executable");

        Throwable failure = catchThrowable(() -> TlsKeyStore.create(javaHome));

        assertThat(failure).isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("keytool failed (exit 1)", "broken on purpose");
    }
}
