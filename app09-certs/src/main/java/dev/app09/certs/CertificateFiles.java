package dev.app09.certs;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The files of one certificate, written together into a directory:
 * <ul>
 *   <li>{@code <name>.cer}: the DER certificate to upload to Entra (public);
 *   <li>{@code <name>.pem}: the same certificate in PEM (public);
 *   <li>{@code <name>.pfx}: the key and certificate in a password-protected PKCS#12, for
 *       azure-identity's {@code pfxCertificate} (private, owner-only);
 *   <li>{@code <name>.key.pem}, on request: the unencrypted PKCS#8 key and the certificate, for
 *       azure-identity's {@code pemCertificate} (private, owner-only; store it like a secret).
 * </ul>
 *
 * <p>No file is ever overwritten: when any of them exists, nothing is written. When writing fails
 * part way, the files already written are removed, so a certificate is never left without its key.
 *
 * <pre>{@code
 * CertificateFiles files = CertificateFiles.write(dir, "MyApp-Auth-Cert", created, password, false);
 * }</pre>
 *
 * @param cer the DER certificate
 * @param pem the PEM certificate
 * @param pfx the PKCS#12
 * @param keyPem the PEM bundle, when asked for
 */
public record CertificateFiles(Path cer, Path pem, Path pfx, @Nullable Path keyPem) {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");
    private static final int MAX_NAME_LENGTH = 64;

    /** Validates. */
    public CertificateFiles {
        requireNonNull(cer, "cer");
        requireNonNull(pem, "pem");
        requireNonNull(pfx, "pfx");
    }

    /**
     * The files for a name in a directory, without writing anything.
     *
     * @param directory where the files go
     * @param name the file name without extension, as {@link #nameFor} makes it
     * @param withPemBundle whether the PEM bundle is included
     * @return the file paths
     * @throws IllegalArgumentException when the name is not a plain file name
     */
    public static CertificateFiles in(Path directory, String name, boolean withPemBundle) {
        requireNonNull(directory, "directory");
        requireNonNull(name, "name");
        if (!name.equals(nameFor(name))) {
            throw new IllegalArgumentException("\"" + name + "\" is not a plain file name: use letters, digits, "
                    + "'.', '_' and '-' (at most " + MAX_NAME_LENGTH + "), e.g. " + nameFor(name));
        }
        return new CertificateFiles(directory.resolve(name + ".cer"), directory.resolve(name + ".pem"),
                directory.resolve(name + ".pfx"), withPemBundle ? directory.resolve(name + ".key.pem") : null);
    }

    /**
     * Writes the files for a certificate: the private ones first, owner-only, then the public ones.
     *
     * @param directory an existing directory
     * @param name the file name without extension
     * @param certificate the certificate and key
     * @param pfxPassword the PKCS#12 password; read, not kept and not modified (the caller wipes it)
     * @param withPemBundle whether to write the unencrypted PEM bundle too
     * @return the files written
     * @throws FileAlreadyExistsException when one of the files exists (then nothing is written)
     * @throws IOException when writing fails (then nothing is left behind)
     */
    public static CertificateFiles write(Path directory, String name, CertificateAndKey certificate,
            char[] pfxPassword, boolean withPemBundle) throws IOException {
        requireNonNull(certificate, "certificate");
        requireNonNull(pfxPassword, "pfxPassword");
        CertificateFiles files = in(directory, name, withPemBundle);
        for (Path path : files.all()) {
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(path.toString(), null,
                        "already exists; app09 never overwrites certificate files: choose another name or directory");
            }
        }
        CertificateAndKey.checkPkcs12Password(pfxPassword);
        List<NewFile> plan = new ArrayList<>();
        plan.add(new NewFile(files.pfx, true, out -> certificate.writePkcs12(pfxPassword, out)));
        if (files.keyPem != null) {
            plan.add(new NewFile(files.keyPem, true, certificate::writePemBundle));
        }
        plan.add(new NewFile(files.cer, false, out -> out.write(certificate.certificateDer())));
        plan.add(new NewFile(files.pem, false,
                out -> out.write(certificate.certificatePem().getBytes(StandardCharsets.US_ASCII))));
        NewFile.createAll(plan);
        return files;
    }

    /**
     * A file name for a certificate: its common name with every run of characters other than
     * letters, digits, {@code .}, {@code _} and {@code -} replaced by {@code -}, at most 64
     * characters; {@code certificate} when nothing is left.
     *
     * @param commonName e.g. {@code MyApp-Auth-Cert}
     * @return e.g. {@code MyApp-Auth-Cert}
     */
    public static String nameFor(String commonName) {
        requireNonNull(commonName, "commonName");
        String name = UNSAFE.matcher(commonName.strip()).replaceAll("-").replaceAll("^[.-]+|-+$", "");
        if (name.length() > MAX_NAME_LENGTH) {
            name = name.substring(0, MAX_NAME_LENGTH);
        }
        return name.isEmpty() ? "certificate" : name;
    }

    /** @return the files, private ones first */
    public List<Path> all() {
        List<Path> all = new ArrayList<>();
        all.add(pfx);
        if (keyPem != null) {
            all.add(keyPem);
        }
        all.add(cer);
        all.add(pem);
        return List.copyOf(all);
    }
}
