package dev.app09.graph.secrets;

import dev.app09.certs.CertificateAndKey;
import dev.app09.certs.CertificateFiles;
import dev.app09.certs.CertificateRequest;
import dev.app09.certs.SelfSignedCertificates;
import dev.app09.graph.cli.CommandRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * What the secret canary tests plant: a client secret, a PFX password (and a wrong one) and a
 * private key, each random and unmistakable, so that finding one in any output is a leak and
 * never a coincidence.
 */
final class Canaries {

    /** A client secret, as a Graph that leaks would send it and as a careless environment holds it. */
    static final String SECRET = "CANARY-SECRET-" + random(12);
    /** The password of the canary key's PFX, and of every PFX the runs create. */
    static final String PASSWORD = "CANARY-PASSWORD-" + random(8);
    /** A password that opens nothing. */
    static final String WRONG_PASSWORD = "CANARY-WRONG-PASSWORD-" + random(8);
    /** A certificate and its key, at the command's fixed clock. */
    static final CertificateAndKey KEY = SelfSignedCertificates.create(CertificateRequest.of("CN=canary"), CommandRun.CLOCK);

    private Canaries() {
    }

    /**
     * The environment of a run: the secret where a client secret is kept (app09 takes none), the
     * password in every variable app09 reads a PFX password from by default, and in one a test names.
     */
    static Map<String, String> environment() {
        return environment(PASSWORD);
    }

    /** As {@link #environment()}, with the wrong password in every password variable. */
    static Map<String, String> environmentWithWrongPassword() {
        return environment(WRONG_PASSWORD);
    }

    private static Map<String, String> environment(String password) {
        return Map.of("AZURE_CLIENT_SECRET", SECRET, "APP09_CLIENT_SECRET", SECRET,
                "APP09_PFX_PASSWORD", password, "APP09_CERTIFICATE_PASSWORD", password,
                "AZURE_CLIENT_CERTIFICATE_PASSWORD", password, "CANARY_PASSWORD", password);
    }

    /** @return every canary, to search output for */
    static Needles needles() {
        return Needles.create().secret("the canary secret", SECRET).secret("the PFX password", PASSWORD)
                .secret("the wrong password", WRONG_PASSWORD).privateKey("the canary key", KEY.privateKey());
    }

    /**
     * The canary key's files.
     *
     * @param pfx the PFX (its password is {@link #PASSWORD})
     * @param keyPem the PEM bundle with the unencrypted key
     * @param cer the public certificate
     * @param broken the PEM bundle with a damaged key block
     * @param mislabelled the PEM bundle whose {@code PRIVATE KEY} block holds the key's PKCS#1 encoding
     */
    record KeyFiles(Path pfx, Path keyPem, Path cer, Path broken, Path mislabelled) {

        static KeyFiles writeTo(Path dir) throws IOException {
            CertificateFiles files = CertificateFiles.write(dir, "canary", KEY, PASSWORD.toCharArray(), true);
            String bundle = Files.readString(files.keyPem(), StandardCharsets.US_ASCII);
            int body = bundle.indexOf('\n', bundle.indexOf("BEGIN PRIVATE KEY")) + 1;
            // One base64 line of the key's middle swapped for another: a key block that is base64 but no key.
            int middle = bundle.indexOf('\n', body + 600) + 1;
            String damaged = bundle.substring(0, body) + bundle.substring(middle, middle + 65) + bundle.substring(body);
            Path broken = Files.writeString(dir.resolve("broken.key.pem"), damaged, StandardCharsets.US_ASCII);
            byte[] pkcs1 = PrivateKeyInfo.getInstance(KEY.privateKey().getEncoded()).parsePrivateKey().toASN1Primitive()
                    .getEncoded();
            String mislabelled = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(pkcs1) + "\n-----END PRIVATE KEY-----\n" + KEY.certificatePem();
            Path wrongLabel = Files.writeString(dir.resolve("mislabelled.key.pem"), mislabelled, StandardCharsets.US_ASCII);
            return new KeyFiles(files.pfx(), files.keyPem(), files.cer(), broken, wrongLabel);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
