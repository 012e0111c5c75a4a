package dev.app09.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.app09.testkit.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CertificateFilesTest {

    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static CertificateAndKey created;

    @TempDir
    Path dir;

    @BeforeAll
    static void create() {
        created = SelfSignedCertificates.create(CertificateRequest.of("CN=MyApp-Auth-Cert"), TestClock.create());
    }

    @Test
    void writes_cer_pem_and_pfx_named_after_the_certificate() throws IOException {
        CertificateFiles files = CertificateFiles.write(dir, "MyApp-Auth-Cert", created, PASSWORD, false);

        assertThat(files.cer()).isEqualTo(dir.resolve("MyApp-Auth-Cert.cer")).hasBinaryContent(created.certificateDer());
        assertThat(files.pem()).isEqualTo(dir.resolve("MyApp-Auth-Cert.pem")).content()
                .startsWith("-----BEGIN CERTIFICATE-----").doesNotContain("PRIVATE KEY");
        assertThat(files.pfx()).isEqualTo(dir.resolve("MyApp-Auth-Cert.pfx")).isNotEmptyFile();
        assertThat(files.keyPem()).isNull();
        try (var listing = Files.list(dir)) {
            assertThat(listing).hasSize(3);
        }
    }

    @Test
    void private_files_are_owner_only() throws IOException {
        CertificateFiles files = CertificateFiles.write(dir, "app", created, PASSWORD, true);

        assertThat(Files.getPosixFilePermissions(files.pfx())).isEqualTo(OWNER_ONLY);
        assertThat(Files.getPosixFilePermissions(files.keyPem())).isEqualTo(OWNER_ONLY);
    }

    @Test
    void the_pem_bundle_holds_an_unencrypted_pkcs8_key_and_the_certificate() throws IOException {
        CertificateFiles files = CertificateFiles.write(dir, "app", created, PASSWORD, true);

        String bundle = Files.readString(files.keyPem(), StandardCharsets.US_ASCII);
        assertThat(bundle).contains("-----BEGIN PRIVATE KEY-----", "-----BEGIN CERTIFICATE-----")
                .doesNotContain("RSA PRIVATE KEY", "ENCRYPTED");
    }

    @Test
    void an_existing_file_is_never_overwritten_and_then_nothing_is_written() throws IOException {
        Files.writeString(dir.resolve("app.pem"), "mine");

        assertThatThrownBy(() -> CertificateFiles.write(dir, "app", created, PASSWORD, true))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("app.pem").hasMessageContaining("never overwrites");

        assertThat(dir.resolve("app.pem")).hasContent("mine");
        assertThat(dir.resolve("app.pfx")).doesNotExist();
        assertThat(dir.resolve("app.key.pem")).doesNotExist();
        assertThat(dir.resolve("app.cer")).doesNotExist();
    }

    @Test
    void a_dangling_link_counts_as_an_existing_file() throws IOException {
        Path target = dir.resolve("elsewhere.pfx");
        Files.createSymbolicLink(dir.resolve("app.pfx"), target);

        assertThatThrownBy(() -> CertificateFiles.write(dir, "app", created, PASSWORD, false))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(target).doesNotExist();
    }

    @Test
    void a_link_to_a_file_elsewhere_is_never_followed_and_that_file_is_left_as_it_was() throws IOException {
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.txt"), "someone else's");
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createSymbolicLink(dir.resolve("app.key.pem"), elsewhere);

        assertThatThrownBy(() -> CertificateFiles.write(dir, "app", created, PASSWORD, true))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("app.key.pem");

        assertThat(elsewhere).hasContent("someone else's");
        assertThat(Files.getPosixFilePermissions(elsewhere)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(dir.resolve("app.pfx")).doesNotExist();
    }

    /** As if a link appeared between CertificateFiles' look and the write: the write itself refuses it. */
    @Test
    void a_private_file_is_never_written_through_a_link_live_or_dangling() throws IOException {
        Path existing = Files.writeString(dir.resolve("existing.txt"), "keep me");
        Path missing = dir.resolve("missing.txt");
        Files.createSymbolicLink(dir.resolve("live.key.pem"), existing);
        Files.createSymbolicLink(dir.resolve("dangling.key.pem"), missing);

        assertThatThrownBy(() -> NewFile.createPrivate(dir.resolve("live.key.pem"), out -> out.write('k')))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> NewFile.createPrivate(dir.resolve("dangling.key.pem"), out -> out.write('k')))
                .isInstanceOf(FileAlreadyExistsException.class);

        assertThat(existing).hasContent("keep me");
        assertThat(missing).doesNotExist();
    }

    @Test
    void when_a_later_file_cannot_be_written_the_earlier_ones_are_removed() throws IOException {
        Path first = dir.resolve("a.pfx");
        Path second = dir.resolve("a.cer");
        List<NewFile> files = List.of(
                new NewFile(first, true, out -> out.write(1)),
                new NewFile(second, false, out -> out.write(2)),
                new NewFile(dir.resolve("a.pem"), false, out -> {
                    throw new IOException("disk full");
                }));

        assertThatThrownBy(() -> NewFile.createAll(files)).hasMessage("disk full");

        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void a_failed_write_leaves_no_partial_file_and_an_existing_file_is_left_alone() throws IOException {
        Path partial = dir.resolve("partial.pfx");
        assertThatThrownBy(() -> NewFile.createPrivate(partial, out -> {
            out.write(new byte[] {1, 2, 3});
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(partial).doesNotExist();

        Path existing = Files.writeString(dir.resolve("existing.pfx"), "keep me");
        assertThatThrownBy(() -> NewFile.createPrivate(existing, out -> out.write(1)))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(existing).hasContent("keep me");
    }

    @Test
    void an_empty_pfx_password_is_refused_before_any_file_is_written() {
        assertThatIllegalArgumentException().isThrownBy(() -> CertificateFiles.write(dir, "app", created, new char[0], false))
                .withMessageContaining("empty");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void the_password_array_is_left_as_the_caller_gave_it() throws IOException {
        char[] password = PASSWORD.clone();
        CertificateFiles.write(dir, "app", created, password, false);
        assertThat(password).isEqualTo(PASSWORD);
    }

    @Test
    void file_names_come_from_the_common_name_with_unsafe_characters_replaced() {
        assertThat(CertificateFiles.nameFor("MyApp-Auth-Cert")).isEqualTo("MyApp-Auth-Cert");
        assertThat(CertificateFiles.nameFor("Payroll API / prod")).isEqualTo("Payroll-API-prod");
        assertThat(CertificateFiles.nameFor("../../etc/passwd")).isEqualTo("etc-passwd");
        assertThat(CertificateFiles.nameFor("***")).isEqualTo("certificate");
        assertThat(CertificateFiles.nameFor("x".repeat(100))).hasSize(64);
    }

    @Test
    void a_name_that_is_not_a_plain_file_name_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> CertificateFiles.in(dir, "../app", false))
                .withMessageContaining("not a plain file name");
        assertThatIllegalArgumentException().isThrownBy(() -> CertificateFiles.in(dir, "", false));
        assertThat(CertificateFiles.in(dir, "app", true).all())
                .containsExactly(dir.resolve("app.pfx"), dir.resolve("app.key.pem"), dir.resolve("app.cer"), dir.resolve("app.pem"));
    }
}
