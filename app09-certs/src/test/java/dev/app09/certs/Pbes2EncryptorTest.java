package dev.app09.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** The PBE key a PFX is encrypted with holds the password's bytes: once the PFX is written, they are gone. */
final class Pbes2EncryptorTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void the_key_holds_the_password_while_it_encrypts_and_nothing_once_closed() throws ReflectiveOperationException {
        Key key;
        try (Pbes2Encryptor encryptor = Pbes2Encryptor.create(PASSWORD.toCharArray(), 1_000, new SecureRandom())) {
            Field field = Pbes2Encryptor.class.getDeclaredField("key");
            field.setAccessible(true);
            key = (Key) field.get(encryptor);
            assertThat(key.getEncoded()).isEqualTo(PASSWORD.getBytes(StandardCharsets.US_ASCII));
        }

        Throwable refused = catchThrowable(key::getEncoded);
        assertThat(refused != null || !new String(key.getEncoded(), StandardCharsets.US_ASCII).contains(PASSWORD))
                .as("the password's bytes can no longer be had from the key").isTrue();
    }
}
