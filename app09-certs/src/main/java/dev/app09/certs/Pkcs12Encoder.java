package dev.app09.certs;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;

/**
 * Encodes a key and its certificate as PKCS#12 with modern protection, chosen here rather than
 * left to the JVM's {@code java.security} settings (which a site may have set to legacy values):
 * both bags are encrypted with PBES2 (PBKDF2 with HMAC-SHA256, {@value #ITERATIONS} iterations, a
 * random salt; AES-256-CBC), and the whole file is protected by an HMAC-SHA256 integrity MAC. No RC2
 * or 3DES. The JDK's KeyStore, azure-identity and OpenSSL 3 read it.
 */
final class Pkcs12Encoder {

    /** Ten times the JDK's default: a password guess costs noticeably, a load still takes well under a second. */
    static final int ITERATIONS = 100_000;
    /** The name the JDK KeyStore shows for the entry. */
    static final String ALIAS = "app09";

    private Pkcs12Encoder() {}

    static byte[] encode(X509Certificate certificate, PrivateKey key, char[] password) throws IOException {
        requireUsable(password);
        SecureRandom random = new SecureRandom();
        try (Pbes2Encryptor keyEncryptor = encryptor(password, random);
                Pbes2Encryptor certificateEncryptor = encryptor(password, random)) {
            // localKeyId pairs the key with its certificate; friendlyName becomes the KeyStore alias.
            DEROctetString localKeyId = new DEROctetString(Thumbprints.sha1(certificate));
            DERBMPString friendlyName = new DERBMPString(ALIAS);

            PKCS12SafeBagBuilder certificateBag = new JcaPKCS12SafeBagBuilder(certificate);
            certificateBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, friendlyName);
            certificateBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);

            PKCS12SafeBagBuilder keyBag = new JcaPKCS12SafeBagBuilder(key, keyEncryptor);
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, friendlyName);
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);

            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            pfx.addEncryptedData(certificateEncryptor, certificateBag.build());
            pfx.addData(keyBag.build());
            BcPKCS12MacCalculatorBuilder mac = new BcPKCS12MacCalculatorBuilder(new SHA256Digest(),
                    new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE));
            mac.setIterationCount(ITERATIONS);
            return pfx.build(mac, password).getEncoded(ASN1Encoding.DER);
        } catch (PKCSException e) {
            throw new IllegalStateException("PKCS#12 encryption is unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses an empty password, and one the JDK could not open the file with: its PKCS#12 reader
     * (and so azure-identity) takes only printable ASCII passwords for PBES2-protected files.
     */
    static void requireUsable(char[] password) {
        if (password.length == 0) {
            throw new IllegalArgumentException("the PFX password is empty: a PFX without a password "
                    + "is a private key in the clear");
        }
        for (char c : password) {
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("the PFX password has a character outside printable ASCII: "
                        + "Java (and so azure-identity) cannot open such a PFX; use letters, digits, spaces and "
                        + "ASCII punctuation");
            }
        }
    }

    private static Pbes2Encryptor encryptor(char[] password, SecureRandom random) {
        return Pbes2Encryptor.create(password, ITERATIONS, random);
    }
}
