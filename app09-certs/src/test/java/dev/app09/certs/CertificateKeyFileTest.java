package dev.app09.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.app09.certs.inspect.CertificateInspector;
import dev.app09.testkit.TestClock;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a certificate with its private key back from a PFX or a PEM bundle, and every refusal. */
final class CertificateKeyFileTest {

    private static final String SECRET = "correct horse battery staple";
    private static final byte[] DATA = "sign me".getBytes(StandardCharsets.US_ASCII);
    private static CertificateAndKey created;
    private static CertificateAndKey other;

    @TempDir
    Path dir;

    @BeforeAll
    static void create() {
        created = SelfSignedCertificates.create(CertificateRequest.of("CN=MyApp-Auth-Cert"), TestClock.create());
        other = SelfSignedCertificates.create(CertificateRequest.of("CN=Someone-Else"), TestClock.create());
    }

    @Test
    void reads_the_pfx_with_its_password() throws Exception {
        CertificateFiles files = CertificateFiles.write(dir, "app", created, SECRET.toCharArray(), true);

        CertificateAndKey read = CertificateKeyFile.read(files.pfx(), SECRET.toCharArray());

        assertThat(read.certificate()).isEqualTo(created.certificate());
        assertThat(verifies(read.certificate(), sign(read.privateKey()))).isTrue();
        assertThat(verifies(created.certificate(), sign(read.privateKey()))).isTrue();
    }

    @Test
    void reads_the_pem_bundle_without_a_password() throws Exception {
        CertificateFiles files = CertificateFiles.write(dir, "app", created, SECRET.toCharArray(), true);

        CertificateAndKey read = CertificateKeyFile.read(files.keyPem(), null);

        assertThat(read.certificate()).isEqualTo(created.certificate());
        assertThat(verifies(created.certificate(), sign(read.privateKey()))).isTrue();
    }

    @Test
    void the_password_array_is_left_as_the_caller_gave_it() throws IOException {
        CertificateFiles files = CertificateFiles.write(dir, "app", created, SECRET.toCharArray(), false);
        char[] password = SECRET.toCharArray();

        CertificateKeyFile.read(files.pfx(), password);

        assertThat(password).isEqualTo(SECRET.toCharArray());
    }

    @Test
    void a_pkcs1_rsa_private_key_with_a_certificate_block_is_accepted() throws Exception {
        Path file = dir.resolve("openssl.pem");
        writePem(file, created.privateKey(), created.certificate());
        assertThat(file).content().startsWith("-----BEGIN RSA PRIVATE KEY-----").contains("-----BEGIN CERTIFICATE-----");

        CertificateAndKey read = CertificateKeyFile.read(file, null);

        assertThat(read.certificate()).isEqualTo(created.certificate());
        assertThat(verifies(created.certificate(), sign(read.privateKey()))).isTrue();
    }

    @Test
    void the_certificate_may_come_before_the_key() throws Exception {
        Path file = dir.resolve("cert-first.pem");
        writePem(file, created.certificate(), created.privateKey());
        assertThat(file).content().startsWith("-----BEGIN CERTIFICATE-----").contains("-----BEGIN RSA PRIVATE KEY-----");

        assertThat(CertificateKeyFile.read(file, null).certificate()).isEqualTo(created.certificate());
    }

    @Test
    void a_wrong_pfx_password_is_refused_naming_the_file_and_never_the_password() throws IOException {
        CertificateFiles files = CertificateFiles.write(dir, "app", created, SECRET.toCharArray(), false);
        String wrong = "Tr0ub4dor&3-wrong-guess";

        Throwable thrown = catchThrowable(() -> CertificateKeyFile.read(files.pfx(), wrong.toCharArray()));

        assertThat(thrown).isInstanceOf(IOException.class)
                .hasMessage(files.pfx() + ": the password does not open this PKCS#12");
        assertThat(messages(thrown)).noneMatch(m -> m.contains(wrong) || m.contains(SECRET));
    }

    @Test
    void a_pfx_without_a_password_is_refused_as_needing_its_password() throws IOException {
        CertificateFiles files = CertificateFiles.write(dir, "app", created, SECRET.toCharArray(), false);

        assertThatThrownBy(() -> CertificateKeyFile.read(files.pfx(), null))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(files.pfx() + ": ")
                .hasMessageContaining("needs its password");
    }

    @Test
    void the_public_pem_certificate_is_refused_as_holding_no_private_key() throws IOException {
        CertificateFiles files = CertificateFiles.write(dir, "app", created, SECRET.toCharArray(), false);

        assertThatThrownBy(() -> CertificateKeyFile.read(files.pem(), null))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(files.pem() + ": ")
                .hasMessageContaining("holds no private key");
    }

    @Test
    void the_der_cer_file_is_refused_as_holding_no_private_key_with_or_without_a_password() throws IOException {
        CertificateFiles files = CertificateFiles.write(dir, "app", created, SECRET.toCharArray(), false);

        assertThatThrownBy(() -> CertificateKeyFile.read(files.cer(), null))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(files.cer() + ": ")
                .hasMessageContaining("holds no private key");
        assertThatThrownBy(() -> CertificateKeyFile.read(files.cer(), SECRET.toCharArray()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(files.cer() + ": ")
                .hasMessageContaining("holds no private key");
    }

    @Test
    void a_pem_key_without_a_certificate_is_refused_as_holding_no_certificate_block() throws Exception {
        Path file = dir.resolve("key-only.pem");
        try (JcaPEMWriter pem = new JcaPEMWriter(Files.newBufferedWriter(file, StandardCharsets.US_ASCII))) {
            pem.writeObject(new JcaPKCS8Generator(created.privateKey(), null));
        }

        assertThatThrownBy(() -> CertificateKeyFile.read(file, null))
                .isInstanceOf(IOException.class)
                .hasMessage(file + ": holds no CERTIFICATE block");
    }

    @Test
    void an_encrypted_pkcs8_key_is_refused_as_encrypted() throws Exception {
        Path file = dir.resolve("encrypted.pem");
        OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                .setProvider(new BouncyCastleProvider()).setPassword(SECRET.toCharArray()).build();
        try (JcaPEMWriter pem = new JcaPEMWriter(Files.newBufferedWriter(file, StandardCharsets.US_ASCII))) {
            pem.writeObject(new JcaPKCS8Generator(created.privateKey(), encryptor));
            pem.writeObject(created.certificate());
        }
        assertThat(file).content().contains("-----BEGIN ENCRYPTED PRIVATE KEY-----");

        Throwable thrown = catchThrowable(() -> CertificateKeyFile.read(file, SECRET.toCharArray()));

        assertThat(thrown).isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining("encrypted");
        assertThat(messages(thrown)).noneMatch(m -> m.contains(SECRET));
    }

    @Test
    void a_key_of_another_certificate_is_refused_as_not_belonging_to_it() throws Exception {
        Path file = dir.resolve("mismatched.pem");
        writePem(file, created.certificate(), other.privateKey());

        assertThatThrownBy(() -> CertificateKeyFile.read(file, null))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining("does not belong");
    }

    @Test
    void junk_bytes_are_refused_as_neither_pem_nor_pkcs12() throws IOException {
        Path file = Files.write(dir.resolve("junk.pfx"), "this is not a certificate at all\n".repeat(10)
                .getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> CertificateKeyFile.read(file, SECRET.toCharArray()))
                .isInstanceOf(IOException.class)
                .hasMessage(file + ": is neither PEM nor a PKCS#12 (PFX) that Java can open");
    }

    @Test
    void a_truncated_pfx_is_refused_with_an_io_exception() throws IOException {
        CertificateFiles files = CertificateFiles.write(dir, "app", created, SECRET.toCharArray(), false);
        byte[] pfx = Files.readAllBytes(files.pfx());
        Path file = Files.write(dir.resolve("cut.pfx"), Arrays.copyOf(pfx, pfx.length / 2));

        assertThatThrownBy(() -> CertificateKeyFile.read(file, SECRET.toCharArray()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": ");
    }

    @Test
    void a_pem_block_of_junk_is_refused_naming_the_file() throws IOException {
        Path file = Files.writeString(dir.resolve("junk.pem"),
                "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");

        assertThatThrownBy(() -> CertificateKeyFile.read(file, null))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": ");
    }

    @Test
    void an_empty_file_is_refused_as_empty_with_or_without_a_password() throws IOException {
        Path file = Files.createFile(dir.resolve("app.pfx"));
        String empty = file + ": is empty; expected a PFX or a PEM bundle with a certificate and its key";

        assertThatThrownBy(() -> CertificateKeyFile.read(file, SECRET.toCharArray()))
                .isInstanceOf(IOException.class).hasMessage(empty);
        assertThatThrownBy(() -> CertificateKeyFile.read(file, null))
                .isInstanceOf(IOException.class).hasMessage(empty);
    }

    @Test
    void a_missing_file_is_refused_naming_it() {
        Path file = dir.resolve("missing.pfx");

        assertThatThrownBy(() -> CertificateKeyFile.read(file, SECRET.toCharArray()))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void a_directory_is_refused() {
        assertThatThrownBy(() -> CertificateKeyFile.read(dir, SECRET.toCharArray()))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("is a directory");
    }

    @Test
    void a_file_over_one_mebibyte_is_refused_before_it_is_parsed() throws IOException {
        byte[] pem = new byte[CertificateInspector.MAX_CONTENT_BYTES + 1];
        Arrays.fill(pem, (byte) 'A');
        byte[] begin = "-----BEGIN CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(begin, 0, pem, 0, begin.length);
        Path file = Files.write(dir.resolve("huge.pem"), pem);

        assertThatThrownBy(() -> CertificateKeyFile.read(file, null))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": more than " + CertificateInspector.MAX_CONTENT_BYTES + " bytes");
    }

    @Test
    void a_file_of_exactly_one_mebibyte_is_read_and_then_judged_on_its_content() throws IOException {
        CertificateFiles files = CertificateFiles.write(dir, "app", created, SECRET.toCharArray(), true);
        byte[] bundle = Files.readAllBytes(files.keyPem());
        byte[] padded = new byte[CertificateInspector.MAX_CONTENT_BYTES];
        Arrays.fill(padded, (byte) '\n');
        System.arraycopy(bundle, 0, padded, 0, bundle.length);
        Path file = Files.write(dir.resolve("padded.key.pem"), padded);

        assertThat(CertificateKeyFile.read(file, null).certificate()).isEqualTo(created.certificate());
    }

    @Test
    void a_named_pipe_is_refused_without_waiting_for_a_writer() throws Exception {
        Path fifo = dir.resolve("upload.pfx");
        int made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        } catch (IOException e) {
            made = -1;
        }
        Assumptions.assumeTrue(made == 0, "mkfifo is not available");

        Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> catchThrowable(() -> CertificateKeyFile.read(fifo, SECRET.toCharArray())));

        assertThat(thrown).isInstanceOf(FileSystemException.class)
                .hasMessageContaining(fifo.toString())
                .hasMessageContaining("a pipe or a device");
    }

    private static void writePem(Path file, Object... objects) throws IOException {
        try (Writer out = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.US_ASCII);
                JcaPEMWriter pem = new JcaPEMWriter(out)) {
            for (Object object : objects) {
                pem.writeObject(object);
            }
        }
    }

    private static byte[] sign(PrivateKey key) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(DATA);
        return signer.sign();
    }

    private static boolean verifies(X509Certificate certificate, byte[] signature) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate);
        verifier.update(DATA);
        return verifier.verify(signature);
    }

    /** The message of the exception and of every cause: none may hold a password. */
    private static List<String> messages(Throwable thrown) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
            messages.add(t.toString());
        }
        return messages;
    }
}
