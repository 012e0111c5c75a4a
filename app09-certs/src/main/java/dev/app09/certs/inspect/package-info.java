/**
 * What a certificate file holds.
 *
 * <p>{@link dev.app09.certs.inspect.CertificateInspector} reads any file a user may try to upload
 * (DER or PEM, a certificate or a chain, PKCS#12, a private key, garbage) and never throws on its
 * content: whatever is wrong with it is reported in the {@link dev.app09.certs.inspect.Inspection}.
 *
 * <pre>{@code
 * Inspection inspection = CertificateInspector.inspect(Path.of("payroll.cer"));
 * inspection.facts().forEach(facts -> System.out.println(facts.thumbprints().sha1Hex()));
 * }</pre>
 */
@NullMarked
package dev.app09.certs.inspect;

import org.jspecify.annotations.NullMarked;
