package dev.app09.certs.inspect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A PKCS#12 file, opened by Java's own PKCS12 KeyStore. It lists the certificates of each key's
 * chain (the key's own certificate first), then the certificates marked trusted, in the order the
 * KeyStore gives its entries; a certificate that is neither is dropped by the KeyStore and not
 * listed. Private keys are never decrypted.
 *
 * <p>A PKCS#12 file always counts as holding a private key: it exists to carry one, and Java's
 * KeyStore does not show every kind (an unencrypted key bag is skipped), so no password can prove
 * the contrary. Entra's upload takes certificates alone.
 */
final class Pkcs12Inspection {

    private static final String PFX = "a PKCS#12 (.pfx) file";

    private Pkcs12Inspection() {}

    /**
     * @param der the PKCS#12 content, untrusted
     * @param source for the inspection
     * @param format {@link FileFormat#PKCS12}, or the encoding the file came wrapped in
     * @param password opens it; without one only the parts it left unencrypted can be read
     * @return what it holds
     */
    static Inspection inspect(byte[] der, String source, FileFormat format, char @Nullable [] password) {
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
        } catch (KeyStoreException e) {
            throw new IllegalStateException("this Java runtime has no PKCS12 KeyStore", e);
        }
        try {
            store.load(new ByteArrayInputStream(der), password);
        } catch (IOException e) {
            // Java reports both a failed decryption and a failed integrity check this way.
            String why = e.getCause() instanceof UnrecoverableKeyException
                    ? PFX + " that the password given does not open (wrong password)"
                    : PFX + " that Java cannot read (" + e.getMessage() + ")";
            return Inspection.notX509(source, format, true, why);
        } catch (GeneralSecurityException | RuntimeException | StackOverflowError e) {
            return Inspection.notX509(source, format, true, PFX + " that Java cannot read (" + e.getMessage() + ")");
        }
        Set<X509Certificate> certificates = new LinkedHashSet<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    addX509(certificates, store.getCertificateChain(alias));
                } else {
                    addX509(certificates, store.getCertificate(alias));
                }
            }
        } catch (KeyStoreException e) {
            throw new IllegalStateException("a loaded KeyStore refused to list its entries", e);
        }
        if (certificates.isEmpty()) {
            return Inspection.notX509(source, format, true, password == null
                    ? PFX + " whose certificates could not be read without its password"
                    : PFX + " in which Java finds no certificate of a key and no trusted certificate");
        }
        return Inspection.of(source, format, List.copyOf(certificates), true);
    }

    private static void addX509(Set<X509Certificate> into, @Nullable Certificate @Nullable ... certificates) {
        if (certificates == null) {
            return;
        }
        for (Certificate certificate : certificates) {
            if (certificate instanceof X509Certificate x509) {
                into.add(x509);
            }
        }
    }
}
