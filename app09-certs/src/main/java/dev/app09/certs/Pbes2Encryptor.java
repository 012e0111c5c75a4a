package dev.app09.certs;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.CipherOutputStream;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import javax.security.auth.DestroyFailedException;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.GenericKey;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JceGenericKey;

/**
 * PBES2 (PBKDF2 with HMAC-SHA256, AES-256-CBC) from the JDK's own provider, for BouncyCastle's
 * PKCS#12 builder. The JDK provider is used rather than BouncyCastle's because a JCE provider must
 * be signed on some JDKs, and the command's shaded jar carries BouncyCastle without its signature.
 * The JDK's PBE key holds the password's bytes: {@link #close()} wipes them once the file is
 * encrypted, rather than leaving them until the key is collected.
 */
final class Pbes2Encryptor implements OutputEncryptor, AutoCloseable {

    private static final String ALGORITHM = "PBEWithHmacSHA256AndAES_256";
    private static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 16;

    private final Cipher cipher;
    private final AlgorithmIdentifier algorithm;
    private final SecretKey key;

    private Pbes2Encryptor(Cipher cipher, AlgorithmIdentifier algorithm, SecretKey key) {
        this.cipher = cipher;
        this.algorithm = algorithm;
        this.key = key;
    }

    /** A new encryptor with a fresh random salt and IV. */
    static Pbes2Encryptor create(char[] password, int iterations, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(salt);
        random.nextBytes(iv);
        PBEKeySpec spec = new PBEKeySpec(password);
        try {
            SecretKey key = SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec);
            Cipher cipher = Cipher.getInstance(ALGORITHM);
            cipher.init(Cipher.ENCRYPT_MODE, key, new PBEParameterSpec(salt, iterations, new IvParameterSpec(iv)), random);
            // The JDK encodes these parameters as PKCS#5 PBES2-params: PBKDF2 (salt, iterations,
            // key length, PRF hmacWithSHA256) and aes256-CBC with its IV.
            PBES2Parameters parameters = PBES2Parameters.getInstance(cipher.getParameters().getEncoded());
            return new Pbes2Encryptor(cipher, new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, parameters), key);
        } catch (GeneralSecurityException | IOException e) {
            // Every Java 17 runtime provides PBES2 with HmacSHA256 and AES-256.
            throw new IllegalStateException("this Java runtime cannot encrypt with " + ALGORITHM + ": " + e, e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithm;
    }

    @Override
    public OutputStream getOutputStream(OutputStream out) {
        return new CipherOutputStream(out, cipher);
    }

    @Override
    public GenericKey getKey() {
        return new JceGenericKey(algorithm, key);
    }

    /** Wipes the password's bytes the key holds; the encryptor is not used again. */
    @Override
    public void close() {
        try {
            key.destroy();
        } catch (DestroyFailedException e) {
            // A provider whose PBE keys cannot be destroyed: its own cleaner wipes them when collected.
        }
    }
}
