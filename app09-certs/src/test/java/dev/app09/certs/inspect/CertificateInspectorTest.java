package dev.app09.certs.inspect;

import static dev.app09.certs.inspect.Bytes.ascii;
import static dev.app09.certs.inspect.Bytes.concat;
import static dev.app09.certs.inspect.TestCertificates.RSA_2048;
import static dev.app09.certs.inspect.TestCertificates.certificate;
import static dev.app09.certs.inspect.TestCertificates.chain;
import static dev.app09.certs.inspect.TestCertificates.der;
import static dev.app09.certs.inspect.TestCertificates.pem;
import static dev.app09.certs.inspect.TestCertificates.pemPrivateKey;
import static dev.app09.certs.inspect.TestCertificates.pkcs12;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.app09.certs.inspect.TestCertificates.Chain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The formats a certificate arrives in, each read to the same certificates; and the file system's failures. */
final class CertificateInspectorTest {

    private static final X509Certificate CERTIFICATE = certificate().build();
    private static final Chain CHAIN = chain();
    private static final char[] PASSWORD = "correct horse".toCharArray();

    @Nested
    final class Formats {

        @ParameterizedTest(name = "{argumentSetName}")
        @MethodSource("dev.app09.certs.inspect.CertificateInspectorTest#oneCertificate")
        void one_certificate_reads_as_itself_in_any_encoding(byte[] content, FileFormat format) {
            Inspection inspection = CertificateInspector.inspect(content, "upload", null);

            assertThat(inspection.notX509()).isNull();
            assertThat(inspection.format()).isEqualTo(format);
            assertThat(inspection.certificates()).containsExactly(CERTIFICATE);
            assertThat(inspection.containsPrivateKey()).isFalse();
        }

        @Test
        void a_pem_chain_lists_its_certificates_in_file_order() {
            byte[] content = pem(CHAIN.leaf(), CHAIN.ca()).getBytes(StandardCharsets.US_ASCII);

            Inspection inspection = CertificateInspector.inspect(content, "chain.pem", null);

            assertThat(inspection.certificates()).containsExactly(CHAIN.leaf(), CHAIN.ca());
        }

        @Test
        void der_certificates_one_after_another_read_as_a_chain() {
            byte[] content = concat(der(CHAIN.leaf()), der(CHAIN.ca()));

            Inspection inspection = CertificateInspector.inspect(content, "chain.cer", null);

            assertThat(inspection.format()).isEqualTo(FileFormat.DER);
            assertThat(inspection.certificates()).containsExactly(CHAIN.leaf(), CHAIN.ca());
        }

        @Test
        void a_pem_certificate_beside_its_key_is_read_and_the_key_noticed() {
            byte[] content = (pemPrivateKey(RSA_2048.getPrivate()) + pem(CERTIFICATE)).getBytes(StandardCharsets.US_ASCII);

            Inspection inspection = CertificateInspector.inspect(content, "workload.pem", null);

            assertThat(inspection.certificates()).containsExactly(CERTIFICATE);
            assertThat(inspection.containsPrivateKey()).isTrue();
        }

        @Test
        void a_pfx_opened_with_its_password_lists_the_key_certificate_then_its_chain() {
            byte[] pfx = pkcs12(PASSWORD, RSA_2048.getPrivate(), CHAIN.leaf(), CHAIN.ca());

            Inspection inspection = CertificateInspector.inspect(pfx, "workload.pfx", PASSWORD);

            assertThat(inspection.format()).isEqualTo(FileFormat.PKCS12);
            assertThat(inspection.certificates()).containsExactly(CHAIN.leaf(), CHAIN.ca());
            assertThat(inspection.containsPrivateKey()).isTrue();
        }

        @Test
        void a_pfx_is_counted_as_holding_a_private_key_even_when_java_finds_none() {
            byte[] pfx = TestCertificates.pkcs12WithoutKey(PASSWORD, CERTIFICATE);

            Inspection inspection = CertificateInspector.inspect(pfx, "trust.pfx", PASSWORD);

            assertThat(inspection.certificates()).containsExactly(CERTIFICATE);
            assertThat(inspection.containsPrivateKey()).isTrue();
        }

        @Test
        void a_pfx_with_an_unencrypted_key_bag_java_skips_is_refused_with_its_password() throws Exception {
            byte[] pfx = TestCertificates.pkcs12WithPlainKeyBag(PASSWORD, RSA_2048.getPrivate(), CERTIFICATE);

            Inspection inspection = CertificateInspector.inspect(pfx, "plain.pfx", PASSWORD);

            assertThat(inspection.containsPrivateKey()).isTrue();
            assertThat(UploadCheck.check(inspection, TestCertificates.NOW, UploadCheck.DEFAULT_MAX_VALIDITY).refusals())
                    .extracting(Refusal::reason).contains(RefusalReason.CONTAINS_PRIVATE_KEY);
        }

        @Test
        void a_pfx_without_its_password_is_assumed_to_hold_a_key_and_its_certificates_are_unread() {
            byte[] pfx = pkcs12(PASSWORD, RSA_2048.getPrivate(), CERTIFICATE);

            Inspection inspection = CertificateInspector.inspect(pfx, "workload.pfx", null);

            assertThat(inspection.containsPrivateKey()).isTrue();
            assertThat(inspection.notX509()).contains("could not be read without its password");
        }

        @Test
        void a_pfx_with_the_wrong_password_is_reported_as_such() {
            byte[] pfx = pkcs12(PASSWORD, RSA_2048.getPrivate(), CERTIFICATE);

            Inspection inspection = CertificateInspector.inspect(pfx, "workload.pfx", "wrong".toCharArray());

            assertThat(inspection.containsPrivateKey()).isTrue();
            assertThat(inspection.notX509()).contains("wrong password");
        }

        @Test
        void a_base64_pfx_opens_with_its_password() {
            byte[] pfx = pkcs12(PASSWORD, RSA_2048.getPrivate(), CERTIFICATE);
            byte[] content = Base64.getEncoder().encode(pfx);

            Inspection inspection = CertificateInspector.inspect(content, "vault-secret.txt", PASSWORD);

            assertThat(inspection.format()).isEqualTo(FileFormat.BASE64);
            assertThat(inspection.certificates()).containsExactly(CERTIFICATE);
        }

        @Test
        void the_password_is_neither_kept_nor_changed() {
            char[] password = PASSWORD.clone();
            byte[] pfx = pkcs12(PASSWORD, RSA_2048.getPrivate(), CERTIFICATE);

            Inspection inspection = CertificateInspector.inspect(pfx, "workload.pfx", password);

            assertThat(password).isEqualTo(PASSWORD);
            assertThat(inspection.toString()).doesNotContain(new String(PASSWORD));
        }

        @Test
        void facts_follow_the_certificates_in_order() {
            Inspection inspection = CertificateInspector.inspect(
                    pem(CHAIN.leaf(), CHAIN.ca()).getBytes(StandardCharsets.US_ASCII), "chain.pem", null);

            assertThat(inspection.facts()).extracting(CertificateFacts::subject)
                    .containsExactly("CN=payroll", "CN=Contoso Test CA");
        }

        @Test
        void the_inspection_names_certificates_by_subject_and_thumbprint_without_dumping_them() {
            Inspection inspection = CertificateInspector.inspect(der(CERTIFICATE), "payroll.cer", null);

            assertThat(inspection.toString())
                    .contains("CN=app09 test,O=Contoso", CertificateFacts.of(CERTIFICATE).thumbprints().sha1Hex())
                    .doesNotContain("Modulus", "modulus");
        }
    }

    static Stream<Arguments> oneCertificate() {
        String pem = pem(CERTIFICATE);
        String base64 = Base64.getMimeEncoder().encodeToString(der(CERTIFICATE));
        return Stream.of(
                argumentSet("DER (.cer)", der(CERTIFICATE), FileFormat.DER),
                argumentSet("PEM", ascii(pem), FileFormat.PEM),
                argumentSet("PEM with a UTF-8 byte order mark", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        ascii(pem)), FileFormat.PEM),
                argumentSet("PEM with CRLF line ends", ascii(pem.replace("\n", "\r\n")), FileFormat.PEM),
                argumentSet("PEM with text before and after", ascii("Subject: payroll\nIssuer: payroll\n\n" + pem
                        + "\n(end of export)\n"), FileFormat.PEM),
                argumentSet("PEM indented, as pasted into YAML", ascii(pem.indent(4)), FileFormat.PEM),
                argumentSet("PEM in UTF-16 with a byte order mark, as PowerShell 5 Out-File writes it",
                        ("\uFEFF" + pem.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_16LE), FileFormat.PEM),
                argumentSet("base64 without PEM armour, as Graph carries a key",
                        ascii(Base64.getEncoder().encodeToString(der(CERTIFICATE))), FileFormat.BASE64),
                argumentSet("base64 in lines without PEM armour", ascii(base64 + "\r\n"), FileFormat.BASE64));
    }

    @Nested
    final class FileSystem {

        @Test
        void a_file_reads_as_its_content_named_by_its_path(@TempDir Path folder) throws IOException {
            Path file = Files.write(folder.resolve("payroll.cer"), der(CERTIFICATE));

            Inspection inspection = CertificateInspector.inspect(file);

            assertThat(inspection).isEqualTo(CertificateInspector.inspect(der(CERTIFICATE), file.toString(), null));
        }

        @Test
        void a_pfx_file_opens_with_its_password(@TempDir Path folder) throws IOException {
            Path file = Files.write(folder.resolve("workload.pfx"), pkcs12(PASSWORD, RSA_2048.getPrivate(), CERTIFICATE));

            Inspection inspection = CertificateInspector.inspect(file, PASSWORD);

            assertThat(inspection.certificates()).containsExactly(CERTIFICATE);
        }

        @Test
        void a_missing_file_is_an_io_exception(@TempDir Path folder) {
            assertThatThrownBy(() -> CertificateInspector.inspect(folder.resolve("missing.cer")))
                    .isInstanceOf(NoSuchFileException.class);
        }

        @Test
        void a_directory_is_an_io_exception(@TempDir Path folder) {
            assertThatThrownBy(() -> CertificateInspector.inspect(folder))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("is a directory");
        }

        @Test
        void a_file_that_may_not_be_read_is_an_io_exception(@TempDir Path folder) throws IOException {
            Path file = Files.write(folder.resolve("locked.cer"), der(CERTIFICATE));
            assumeTrue(Files.getFileStore(file).supportsFileAttributeView("posix"), "POSIX permissions");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
            assumeFalse(Files.isReadable(file), "this user reads any file (root)");

            assertThatThrownBy(() -> CertificateInspector.inspect(file)).isInstanceOf(AccessDeniedException.class);
        }

        @Test
        void a_file_over_1_mib_is_not_x509_and_its_size_is_named(@TempDir Path folder) throws IOException {
            Path file = Files.write(folder.resolve("huge.cer"), new byte[CertificateInspector.MAX_CONTENT_BYTES + 1]);

            Inspection inspection = CertificateInspector.inspect(file);

            assertThat(inspection.notX509()).contains("larger than 1 MiB", "1048577 bytes");
        }

        @Test
        void an_endless_device_is_refused_without_being_read() {
            Path endless = Path.of("/dev/zero");
            assumeTrue(Files.isReadable(endless), "/dev/zero");

            assertThatThrownBy(() -> CertificateInspector.inspect(endless))
                    .isInstanceOf(java.nio.file.FileSystemException.class)
                    .hasMessageContaining("a pipe or a device");
        }

        @Test
        void a_file_of_exactly_1_mib_is_inspected() {
            byte[] content = new byte[CertificateInspector.MAX_CONTENT_BYTES];
            content[0] = (byte) 0xA5;

            Inspection inspection = CertificateInspector.inspect(content, "big", null);

            assertThat(inspection.notX509()).doesNotContain("larger than 1 MiB");
        }
    }



    @Test
    void a_named_pipe_is_refused_without_waiting_for_a_writer(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("upload.cer");
        int made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        } catch (java.io.IOException e) {
            made = -1;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(made == 0, "mkfifo is not available");

        assertThatThrownBy(() -> CertificateInspector.inspect(fifo))
                .isInstanceOf(java.nio.file.FileSystemException.class)
                .hasMessageContaining("a pipe or a device");
    }
}
