package dev.app09.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.app09.testkit.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.bc.BcDefaultDigestProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilderProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JDK reads every file we write (the certificates with {@code CertificateFactory}, the PKCS#12 with
 * its {@code KeyStore}), and the PKCS#12, parsed with BouncyCastle's ASN.1 classes, is protected as
 * {@link Pkcs12Encoder} promises.
 */
final class JdkReadsCertificateFilesTest {

    private static final String PASSWORD = "Interop-jdk-password-1";

    /** Algorithms a PKCS#12 must not use: RC2, RC4, DES, 3DES, PBES1, the PKCS#12 PBE schemes, SHA-1. */
    private static final Set<ASN1ObjectIdentifier> LEGACY = Set.of(
            PKCSObjectIdentifiers.pbeWithMD2AndDES_CBC, PKCSObjectIdentifiers.pbeWithMD2AndRC2_CBC,
            PKCSObjectIdentifiers.pbeWithMD5AndDES_CBC, PKCSObjectIdentifiers.pbeWithMD5AndRC2_CBC,
            PKCSObjectIdentifiers.pbeWithSHA1AndDES_CBC, PKCSObjectIdentifiers.pbeWithSHA1AndRC2_CBC,
            PKCSObjectIdentifiers.RC2_CBC, PKCSObjectIdentifiers.des_EDE3_CBC, PKCSObjectIdentifiers.rc4,
            OIWObjectIdentifiers.desCBC, OIWObjectIdentifiers.idSHA1, PKCSObjectIdentifiers.id_hmacWithSHA1);

    @TempDir
    static Path directory;

    private static CertificateAndKey created;
    private static CertificateFiles files;

    @BeforeAll
    static void createCertificateAndFiles() throws IOException {
        created = SelfSignedCertificates.create(CertificateRequest.of("CN=app09 JDK interop"), TestClock.create());
        files = CertificateFiles.write(directory, "app09-jdk", created, PASSWORD.toCharArray(), false);
    }

    @Test
    void certificate_factory_reads_the_der_file_as_the_created_certificate() throws Exception {
        try (InputStream in = Files.newInputStream(files.cer())) {
            assertThat(CertificateFactory.getInstance("X.509").generateCertificate(in))
                    .isEqualTo(created.certificate());
        }
    }

    @Test
    void certificate_factory_reads_the_pem_file_as_the_created_certificate() throws Exception {
        assertThat(Files.readString(files.pem(), StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN CERTIFICATE-----");
        try (InputStream in = Files.newInputStream(files.pem())) {
            List<Certificate> certificates = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
            assertThat(certificates).containsExactly(created.certificate());
        }
    }

    static Stream<Named<String>> passwords() {
        return Stream.of(
                Named.of("letters, digits and '-'", PASSWORD),
                Named.of("a space and every printable ASCII symbol", " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"));
    }

    @ParameterizedTest
    @MethodSource("passwords")
    void keystore_opens_the_pfx_with_its_password_and_finds_one_key_entry_that_signs_for_our_certificate(
            String password, @TempDir Path ownDirectory) throws Exception {
        Path pfx = password.equals(PASSWORD) ? files.pfx()
                : CertificateFiles.write(ownDirectory, "app09-jdk", created, password.toCharArray(), false).pfx();

        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pfx)) {
            keyStore.load(in, password.toCharArray());
        }

        assertOneKeyEntryThatSignsForOurCertificate(keyStore, password);
    }

    /**
     * Java 17's PKCS12 KeyStore derives PBES2 keys through SunJCE's {@code PBEKey}, which refuses any
     * password character outside printable ASCII; MSAL opens the PFX with that KeyStore. A PFX that
     * Java cannot open is refused before it is written.
     */
    @Test
    void a_password_java_could_not_open_the_pfx_with_is_refused_before_any_file_is_written(@TempDir Path ownDirectory) {
        assertThatThrownBy(() -> CertificateFiles.write(ownDirectory, "app09-jdk", created, "pässwörd-€".toCharArray(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("printable ASCII")
                .message().doesNotContain("pässwörd");
        assertThat(ownDirectory).isEmptyDirectory();
    }

    @Test
    void keystore_refuses_the_pfx_with_a_wrong_password() throws Exception {
        String wrongPassword = "Not-the-jdk-password-2";
        KeyStore keyStore = KeyStore.getInstance("PKCS12");

        try (InputStream in = Files.newInputStream(files.pfx())) {
            assertThatThrownBy(() -> keyStore.load(in, wrongPassword.toCharArray()))
                    .isInstanceOf(IOException.class)
                    .message().doesNotContain(wrongPassword).doesNotContain(PASSWORD);
        }
    }

    @Test
    void every_encrypted_part_uses_pbes2_with_pbkdf2_hmac_sha256_100000_iterations_and_aes_256_cbc()
            throws Exception {
        List<AlgorithmIdentifier> encryptions = encryptionsOf(readPfx(files.pfx()));

        assertThat(encryptions).as("the certificate's EncryptedData and the shrouded key bag").hasSize(2);
        for (AlgorithmIdentifier encryption : encryptions) {
            assertThat(encryption.getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBES2);
            PBES2Parameters pbes2 = PBES2Parameters.getInstance(encryption.getParameters());
            assertThat(pbes2.getKeyDerivationFunc().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBKDF2);
            PBKDF2Params pbkdf2 = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
            assertThat(pbkdf2.getPrf().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_hmacWithSHA256);
            assertThat(pbkdf2.getIterationCount()).isEqualTo(BigInteger.valueOf(100_000));
            assertThat(pbkdf2.getSalt()).hasSizeGreaterThanOrEqualTo(16);
            assertThat(pbes2.getEncryptionScheme().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_aes256_CBC);
        }
    }

    @Test
    void the_key_is_stored_only_in_a_shrouded_key_bag_never_in_a_plain_one() throws Exception {
        List<ASN1ObjectIdentifier> bagTypes = new ArrayList<>();
        for (ContentInfo content : readPfx(files.pfx()).getContentInfos()) {
            if (content.getContentType().equals(PKCSObjectIdentifiers.data)) {
                for (PKCS12SafeBag bag : new PKCS12SafeBagFactory(content).getSafeBags()) {
                    bagTypes.add(bag.getType());
                }
            }
        }

        assertThat(bagTypes).containsExactly(PKCSObjectIdentifiers.pkcs8ShroudedKeyBag);
    }

    @Test
    void the_mac_is_hmac_sha256_over_100000_iterations_and_verifies_with_the_password() throws Exception {
        PKCS12PfxPdu pfx = readPfx(files.pfx());
        MacData mac = pfx.toASN1Structure().getMacData();

        assertThat(pfx.hasMac()).isTrue();
        assertThat(mac.getMac().getAlgorithmId().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_sha256);
        assertThat(mac.getMac().getDigest()).hasSize(32);
        assertThat(mac.getIterationCount()).isEqualTo(BigInteger.valueOf(100_000));
        assertThat(mac.getSalt()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(pfx.isMacValid(new BcPKCS12MacCalculatorBuilderProvider(BcDefaultDigestProvider.INSTANCE),
                PASSWORD.toCharArray())).isTrue();
    }

    @Test
    void no_legacy_algorithm_identifier_appears_anywhere_in_the_pfx() throws Exception {
        Set<ASN1ObjectIdentifier> identifiers = new HashSet<>();
        collectIdentifiers(readPfx(files.pfx()).toASN1Structure(), identifiers);

        assertThat(identifiers).as("proves the walk reaches into the nested structures").contains(
                PKCSObjectIdentifiers.pkcs8ShroudedKeyBag, PKCSObjectIdentifiers.id_PBES2,
                PKCSObjectIdentifiers.id_PBKDF2, PKCSObjectIdentifiers.id_hmacWithSHA256,
                NISTObjectIdentifiers.id_aes256_CBC, NISTObjectIdentifiers.id_sha256);
        assertThat(identifiers).doesNotContainAnyElementsOf(LEGACY)
                .noneMatch(identifier -> identifier.on(PKCSObjectIdentifiers.pkcs_12PbeIds));
    }

    @Test
    void two_pfx_of_the_same_key_differ_because_their_salts_are_random() throws Exception {
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        created.writePkcs12(PASSWORD.toCharArray(), second);
        PKCS12PfxPdu first = readPfx(files.pfx());
        PKCS12PfxPdu other = new PKCS12PfxPdu(second.toByteArray());

        assertThat(second.toByteArray()).isNotEqualTo(Files.readAllBytes(files.pfx()));
        List<BigInteger> salts = new ArrayList<>();
        for (PKCS12PfxPdu pfx : List.of(first, other)) {
            salts.add(new BigInteger(1, pfx.toASN1Structure().getMacData().getSalt()));
            for (AlgorithmIdentifier encryption : encryptionsOf(pfx)) {
                PBES2Parameters pbes2 = PBES2Parameters.getInstance(encryption.getParameters());
                salts.add(new BigInteger(1, PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters())
                        .getSalt()));
            }
        }
        assertThat(salts).hasSize(6).doesNotHaveDuplicates();
    }

    private static PKCS12PfxPdu readPfx(Path pfx) throws IOException {
        return new PKCS12PfxPdu(Files.readAllBytes(pfx));
    }

    /** The encryption of each EncryptedData content and of each shrouded key bag in a plain Data content. */
    private static List<AlgorithmIdentifier> encryptionsOf(PKCS12PfxPdu pfx) throws PKCSException {
        List<AlgorithmIdentifier> encryptions = new ArrayList<>();
        for (ContentInfo content : pfx.getContentInfos()) {
            if (content.getContentType().equals(PKCSObjectIdentifiers.encryptedData)) {
                encryptions.add(EncryptedData.getInstance(content.getContent()).getEncryptionAlgorithm());
            } else if (content.getContentType().equals(PKCSObjectIdentifiers.data)) {
                for (PKCS12SafeBag bag : new PKCS12SafeBagFactory(content).getSafeBags()) {
                    if (bag.getBagValue() instanceof PKCS8EncryptedPrivateKeyInfo shrouded) {
                        encryptions.add(shrouded.getEncryptionAlgorithm());
                    }
                }
            } else {
                throw new AssertionError("unexpected PKCS#12 content type " + content.getContentType());
            }
        }
        return encryptions;
    }

    /** Every object identifier in the structure, also inside OCTET STRINGs that hold DER (PKCS#12 nests them). */
    private static void collectIdentifiers(ASN1Encodable value, Set<ASN1ObjectIdentifier> identifiers) {
        ASN1Primitive primitive = value.toASN1Primitive();
        if (primitive instanceof ASN1ObjectIdentifier identifier) {
            identifiers.add(identifier);
        } else if (primitive instanceof ASN1Sequence sequence) {
            sequence.forEach(element -> collectIdentifiers(element, identifiers));
        } else if (primitive instanceof ASN1Set set) {
            set.forEach(element -> collectIdentifiers(element, identifiers));
        } else if (primitive instanceof ASN1TaggedObject tagged) {
            collectIdentifiers(tagged.getBaseObject(), identifiers);
        } else if (primitive instanceof ASN1OctetString octets) {
            byte[] content = octets.getOctets();
            if (content.length > 0 && content[0] == 0x30) { // a SEQUENCE, unless it is ciphertext or a digest
                try {
                    collectIdentifiers(ASN1Primitive.fromByteArray(content), identifiers);
                } catch (IOException | IllegalArgumentException | IllegalStateException notDer) {
                    // opaque bytes that happen to start like a SEQUENCE
                }
            }
        }
    }

    private static void assertOneKeyEntryThatSignsForOurCertificate(KeyStore keyStore, String password)
            throws GeneralSecurityException {
        List<String> keyAliases = new ArrayList<>();
        for (String alias : Collections.list(keyStore.aliases())) {
            if (keyStore.isKeyEntry(alias)) {
                keyAliases.add(alias);
            }
        }
        assertThat(keyAliases).containsExactly(Pkcs12Encoder.ALIAS);
        Certificate certificate = keyStore.getCertificate(Pkcs12Encoder.ALIAS);
        assertThat(certificate).isEqualTo(created.certificate());
        PrivateKey key = (PrivateKey) keyStore.getKey(Pkcs12Encoder.ALIAS, password.toCharArray());
        assertThat(signatureVerifies(key, certificate)).isTrue();
    }

    private static boolean signatureVerifies(PrivateKey key, Certificate certificate) throws GeneralSecurityException {
        byte[] data = "app09 signs with the key from the PFX".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(data);
        return verifier.verify(signature);
    }
}
