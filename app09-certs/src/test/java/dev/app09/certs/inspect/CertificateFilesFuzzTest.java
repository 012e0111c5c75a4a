package dev.app09.certs.inspect;

import static dev.app09.certs.inspect.TestCertificates.NOW;
import static dev.app09.certs.inspect.TestCertificates.RSA_2048;
import static dev.app09.certs.inspect.TestCertificates.certificate;
import static dev.app09.certs.inspect.TestCertificates.der;
import static dev.app09.certs.inspect.TestCertificates.pem;
import static dev.app09.certs.inspect.TestCertificates.pemPrivateKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.app09.certs.CertificateKeyFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded, bounded mutation fuzzer over certificate files (a PFX, a PEM bundle, a DER
 * certificate): each mutant, read from a file, is inspected and checked for upload without an
 * exception, and read as a certificate with its key or refused with an {@link IOException} naming
 * the file, never the password nor a Java class; nothing else is thrown and no mutant hangs. A
 * target stops after {@value #ITERATIONS} mutants or {@link #BUDGET}; a failure names the seed and
 * the iteration, which replay it. ({@link BadInputTest} changes single bytes of in-memory content.)
 */
final class CertificateFilesFuzzTest {

    private static final int ITERATIONS = 600;
    private static final Duration BUDGET = Duration.ofMillis(2_000);
    /** Not a performance bound: short of a hang. */
    private static final Duration HANG = Duration.ofSeconds(10);
    private static final String PASSWORD = "correct horse";
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b");

    @TempDir
    Path dir;

    static Stream<Arguments> targets() {
        X509Certificate certificate = certificate().build();
        return Stream.of(
                argumentSet("a PFX with its password",
                        TestCertificates.pkcs12(PASSWORD.toCharArray(), RSA_2048.getPrivate(), certificate), PASSWORD, 20260611L),
                argumentSet("a PEM bundle", (pem(certificate) + pemPrivateKey(RSA_2048.getPrivate())).getBytes(StandardCharsets.US_ASCII),
                        null, 20260612L),
                argumentSet("a DER certificate", der(certificate), PASSWORD, 20260613L));
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("targets")
    void every_mutant_is_inspected_and_read_or_refused_naming_the_file(byte[] original, @Nullable String password, long seed)
            throws IOException {
        Random random = new Random(seed);
        Path file = dir.resolve("mutant");
        long deadline = System.nanoTime() + BUDGET.toNanos();
        for (int i = 0; i < ITERATIONS && System.nanoTime() < deadline; i++) {
            StringBuilder mutations = new StringBuilder();
            Files.write(file, mutate(original, random, mutations));
            String replay = "seed " + seed + ", iteration " + i + ":" + mutations;

            assertTimeoutPreemptively(HANG, () -> readAndInspect(file, password, replay), () -> replay + ": no answer in " + HANG);
        }
    }

    private static void readAndInspect(Path file, @Nullable String password, String replay) {
        try {
            Inspection inspection = CertificateInspector.inspect(file, password == null ? null : password.toCharArray());
            String said = inspection + " " + UploadCheck.check(inspection, NOW, UploadCheck.DEFAULT_MAX_VALIDITY);
            assertThat(said).as(replay).doesNotContain(PASSWORD);
        } catch (IOException | RuntimeException | Error e) {
            throw new AssertionError(replay + ": the inspection threw " + e, e);
        }
        try {
            CertificateKeyFile.read(file, password == null ? null : password.toCharArray());
        } catch (IOException e) {
            assertThat(e.getMessage()).as(replay).startsWith(file + ": ").doesNotContain(PASSWORD)
                    .doesNotContainPattern(CLASS_NAME);
        } catch (RuntimeException | Error e) {
            throw new AssertionError(replay + ": reading the key file threw " + e, e);
        }
    }

    /** One to three of: a byte set, a cut, bytes inserted, deleted or repeated. */
    private static byte[] mutate(byte[] content, Random random, StringBuilder mutations) {
        byte[] mutant = content;
        for (int n = 1 + random.nextInt(3); n > 0 && mutant.length > 0; n--) {
            int at = random.nextInt(mutant.length);
            switch (random.nextInt(5)) {
                case 0 -> {
                    byte value = (byte) random.nextInt(256);
                    mutations.append(String.format(" set byte %d to 0x%02X;", at, value & 0xFF));
                    mutant = mutant.clone();
                    mutant[at] = value;
                }
                case 1 -> {
                    mutations.append(" cut at ").append(at).append(';');
                    mutant = Arrays.copyOf(mutant, at);
                }
                case 2 -> {
                    byte[] inserted = new byte[1 + random.nextInt(8)];
                    random.nextBytes(inserted);
                    mutations.append(" insert ").append(inserted.length).append(" bytes at ").append(at).append(';');
                    mutant = splice(mutant, at, at, inserted);
                }
                case 3 -> {
                    int end = Math.min(mutant.length, at + 1 + random.nextInt(64));
                    mutations.append(" delete ").append(at).append(" to ").append(end).append(';');
                    mutant = splice(mutant, at, end, new byte[0]);
                }
                default -> {
                    int end = Math.min(mutant.length, at + 1 + random.nextInt(256));
                    int to = random.nextInt(mutant.length + 1);
                    mutations.append(" repeat ").append(at).append(" to ").append(end).append(" at ").append(to).append(';');
                    mutant = splice(mutant, to, to, Arrays.copyOfRange(mutant, at, end));
                }
            }
        }
        return mutant;
    }

    private static byte[] splice(byte[] content, int from, int to, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + inserted.length);
        out.write(content, 0, from);
        out.writeBytes(inserted);
        out.write(content, to, content.length - to);
        return out.toByteArray();
    }
}
