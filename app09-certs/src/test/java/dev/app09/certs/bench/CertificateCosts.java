package dev.app09.certs.bench;

import dev.app09.certs.CertificateAndKey;
import dev.app09.certs.CertificateRequest;
import dev.app09.certs.RsaKeySize;
import dev.app09.certs.SelfSignedCertificates;
import dev.app09.certs.inspect.CertificateInspector;
import dev.app09.certs.inspect.CertificateFacts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What certificates cost: creating one (dominated by RSA key generation), protecting a PKCS#12
 * (dominated by the PBKDF2 iterations), the JDK opening it as azure-identity does, and inspecting a
 * {@code .cer}. Run with {@code mvn -B -Pbench -pl app09-certs test-compile exec:exec}; figures in
 * BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CertificateCosts {

    private static final char[] PASSWORD = "benchmark-password".toCharArray();

    @Param({"2048", "3072", "4096"})
    int keySize;

    CertificateAndKey created;
    byte[] pkcs12;
    byte[] der;

    @Setup
    public void create() throws IOException {
        created = SelfSignedCertificates.create(CertificateRequest.of("CN=bench").withKeySize(RsaKeySize.ofBits(keySize)),
                Clock.systemUTC());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        created.writePkcs12(PASSWORD, out);
        pkcs12 = out.toByteArray();
        der = created.certificateDer();
    }

    /** A new certificate with a new RSA key of {@code keySize} bits. */
    @Benchmark
    public CertificateAndKey createCertificate() {
        return SelfSignedCertificates.create(CertificateRequest.of("CN=bench").withKeySize(RsaKeySize.ofBits(keySize)),
                Clock.systemUTC());
    }

    /** The PKCS#12 of the certificate and key, encrypted under the password. */
    @Benchmark
    public byte[] writePkcs12() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        created.writePkcs12(PASSWORD, out);
        return out.toByteArray();
    }

    /** The JDK's KeyStore opening our PKCS#12, as azure-identity (MSAL) does at start-up. */
    @Benchmark
    public KeyStore loadPkcs12WithTheJdk() throws IOException, GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(new ByteArrayInputStream(pkcs12), PASSWORD);
        keyStore.getKey(keyStore.aliases().nextElement(), PASSWORD);
        return keyStore;
    }

    /** Inspecting a DER certificate: format, facts (the self-signature verified), thumbprints. */
    @Benchmark
    public List<CertificateFacts> inspectCer() {
        return CertificateInspector.inspect(der, "bench.cer", null).facts();
    }
}
