/**
 * What a certificate file holds, and whether Entra would accept it for upload.
 *
 * <p>{@link dev.app09.certs.inspect.CertificateInspector} reads any file a user may try to upload
 * (DER or PEM, a certificate or a chain, PKCS#12, a private key, garbage) and never throws on its
 * content: whatever is wrong with it is reported in the {@link dev.app09.certs.inspect.Inspection}.
 * {@link dev.app09.certs.inspect.UploadCheck} then decides whether the first certificate may be
 * registered on an application, naming every reason it may not.
 *
 * <pre>{@code
 * Inspection inspection = CertificateInspector.inspect(Path.of("payroll.cer"));
 * UploadVerdict verdict = UploadCheck.check(inspection, Instant.now(), UploadCheck.DEFAULT_MAX_VALIDITY);
 * if (verdict.acceptable()) {
 *     KeyCredentialPayload payload = verdict.payload();
 * }
 * }</pre>
 */
@NullMarked
package dev.app09.certs.inspect;

import org.jspecify.annotations.NullMarked;
