package dev.app09.graph;

import static java.util.Objects.requireNonNull;

import com.microsoft.graph.applications.item.addkey.AddKeyPostRequestBody;
import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.KeyCredential;
import com.microsoft.graph.models.PasswordCredential;
import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.BaseRequestConfiguration;
import com.microsoft.kiota.http.middleware.options.RedirectHandlerOption;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import dev.app09.certs.CertificateAndKey;
import dev.app09.certs.Thumbprints;
import dev.app09.core.model.KeyCredentialPayload;
import dev.app09.core.rules.CredentialLocation;
import dev.app09.core.rules.CredentialStatus;
import dev.app09.graph.WriteResult.Outcome;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The credential writes of a migration, each sent once and confirmed by reading the object back.
 *
 * <ul>
 *   <li>{@link #uploadCertificate}: with a proof key, {@code addKey} (Graph checks the proof);
 *       without one, a {@code PATCH} of {@code keyCredentials} that sends back every existing key
 *       with its {@code key} bytes, as read from the single application, plus the new one. The
 *       PATCH is refused before sending when a key's bytes cannot be read: Graph would delete
 *       that certificate. The list is read just before the PATCH; a key another client adds in
 *       between is lost and cannot be seen afterwards (Graph has no conditional PATCH for the key
 *       list), so prefer addKey where a proof key is at hand.
 *   <li>{@link #removePassword}: {@code removePassword} on the application or the service
 *       principal. Whether removing it is safe is {@link dev.app09.core.migration.RetirementGuard}'s
 *       question, asked before this call.
 * </ul>
 *
 * Writes are never retried: neither by Kiota's retry handler nor by OkHttp on a broken
 * connection. Whatever Graph answers (a 500, no answer at all), the object is read back before
 * anything else is sent, and the {@link WriteResult} says what the read showed. Reads are
 * retried by app09 within a {@link RetryPolicy} ({@link #withRetries}), as a scan's are: when
 * Graph throttles them or cannot serve them, and when their connection broke. Permissions:
 * Application.ReadWrite.OwnedBy or Application.ReadWrite.All.
 */
public final class GraphWriter {

    private static final RetryHandlerOption NO_RETRY = new RetryHandlerOption(null, 0, 0);
    /** A redirected write would be sent again, to wherever the redirect points: never follow one. */
    private static final RedirectHandlerOption NO_REDIRECT = new RedirectHandlerOption(0, response -> false);

    /** Sends writes: OkHttp never resends one whose connection broke. */
    private final GraphServiceClient client;
    /** Sends reads: a read whose connection broke is sent again. */
    private final GraphServiceClient reads;
    private final Clock clock;
    private final int readBackAttempts;
    private final Duration readBackDelay;
    private final RetryPolicy retry;

    private GraphWriter(GraphServiceClient client, GraphServiceClient reads, Clock clock, int readBackAttempts,
            Duration readBackDelay, RetryPolicy retry) {
        this.client = client;
        this.reads = reads;
        this.clock = clock;
        this.readBackAttempts = readBackAttempts;
        this.readBackDelay = readBackDelay;
        this.retry = retry;
    }

    /**
     * @param connection where Graph is and how to sign in
     * @param clock the clock addKey proofs are dated by and certificates are judged valid by
     * @return a writer
     */
    public static GraphWriter create(GraphConnection connection, Clock clock) {
        requireNonNull(connection, "connection");
        return new GraphWriter(connection.client(true), connection.client(false), requireNonNull(clock, "clock"), 3,
                Duration.ofMillis(500), RetryPolicy.defaults());
    }

    /**
     * How the reads before and after a write are retried when Graph throttles them (429), cannot
     * serve them (503, 504), or their connection breaks, as a scan's reads are: Graph's Retry-After
     * is honoured, else the wait doubles from {@code firstBackoff}, within the policy's retries and
     * total wait. Writes themselves are never retried.
     *
     * @param policy the retries ({@link RetryPolicy#defaults()} by default)
     * @return a copy that retries its reads so
     */
    public GraphWriter withRetries(RetryPolicy policy) {
        return new GraphWriter(client, reads, clock, readBackAttempts, readBackDelay, requireNonNull(policy, "policy"));
    }

    /**
     * Directory reads can lag a write by a moment: when the read-back does not show the change
     * yet, it is read again, waiting {@code delay}, then twice that, and so on.
     *
     * @param attempts how many read-backs at most (1 or more; 3 by default)
     * @param delay the first wait between them (500 ms by default)
     * @return a copy that reads back so
     */
    public GraphWriter withReadBack(int attempts, Duration delay) {
        if (attempts < 1 || delay.isNegative()) {
            throw new IllegalArgumentException("at least one read-back, and no negative wait");
        }
        return new GraphWriter(client, reads, clock, attempts, delay, retry);
    }

    /**
     * Registers a certificate's public key on an application, keeping every key it holds.
     *
     * @param applicationObjectId the application object's id (not its appId)
     * @param certificate the certificate to register
     * @param proofKey a certificate of the application that is valid now, with its private key, to
     *     sign an addKey proof; null to PATCH the key list instead
     * @return what happened; {@link WriteResult#keyId()} is the new key's id
     * @throws GraphCallFailed when the application's keys cannot be read before the write (nothing was sent)
     */
    public WriteResult uploadCertificate(UUID applicationObjectId, KeyCredentialPayload certificate,
            @Nullable CertificateAndKey proofKey) {
        requireNonNull(applicationObjectId, "applicationObjectId");
        requireNonNull(certificate, "certificate");
        String thumbprint = Thumbprints.of(certificate.key()).sha1Hex();
        List<KeyCredential> before = keys(applicationObjectId);
        for (KeyCredential key : before) {
            if (Arrays.equals(key.getKey(), certificate.key())) {
                CredentialStatus status = status(key);
                if (isVerifyCertificate(key) && status == CredentialStatus.ACTIVE) {
                    return new WriteResult(Outcome.ALREADY_DONE, "certificate " + thumbprint + " is already registered on "
                            + "application " + applicationObjectId + " as key " + key.getKeyId() + "; nothing was sent",
                            key.getKeyId());
                }
                return new WriteResult(Outcome.REFUSED, "certificate " + thumbprint + " is already registered on application "
                        + applicationObjectId + " as key " + key.getKeyId() + ", but as " + key.getType() + "/"
                        + key.getUsage() + ", " + status + ": it does not let the application sign in. Nothing was sent; "
                        + "remove that key first (Graph refuses the same certificate twice)", key.getKeyId());
            }
        }
        return proofKey != null ? addKey(applicationObjectId, certificate, thumbprint, proofKey, before)
                : patchKeys(applicationObjectId, certificate, thumbprint, before);
    }

    private WriteResult addKey(UUID objectId, KeyCredentialPayload certificate, String thumbprint,
            CertificateAndKey proofKey, List<KeyCredential> before) {
        String proofThumbprint = proofKey.thumbprints().sha1Hex();
        boolean registered = before.stream().anyMatch(k -> Arrays.equals(k.getKey(), proofKey.certificateDer())
                && isVerifyCertificate(k) && status(k) == CredentialStatus.ACTIVE);
        List<String> unreadable = unreadable(before);
        if (!registered && !unreadable.isEmpty()) {
            return new WriteResult(Outcome.REFUSED, "Graph did not return the key bytes of " + unreadable.size()
                    + " registered key(s) of application " + objectId + " (" + String.join(", ", unreadable) + "), so "
                    + "app09 cannot tell whether the proof key's certificate " + proofThumbprint + " is one of them. Nothing "
                    + "was sent. Upload in the Entra admin center instead (a PATCH would delete those keys)", null);
        }
        if (!registered) {
            return new WriteResult(Outcome.REFUSED, "the proof key's certificate " + proofThumbprint + " is not a valid "
                    + "Verify certificate of application " + objectId + " now, so Graph would refuse addKey; nothing was "
                    + "sent (give a current certificate of the application, or no proof key to PATCH the key list)", null);
        }
        AddKeyPostRequestBody body = new AddKeyPostRequestBody();
        KeyCredential key = new KeyCredential();
        key.setType(certificate.type());
        key.setUsage(certificate.usage());
        key.setKey(certificate.key());
        key.setDisplayName(certificate.displayName());
        body.setKeyCredential(key);
        body.setPasswordCredential(null);
        body.setProof(AddKeyProof.create(objectId, proofKey, clock.instant()));
        Answer answer = send(() -> client.applications().byApplicationId(objectId.toString()).addKey()
                .post(body, GraphWriter::sendOnce));
        return confirmUpload(objectId, certificate, thumbprint, before, answer, "addKey (proof signed by certificate "
                + proofThumbprint + ")");
    }

    private WriteResult patchKeys(UUID objectId, KeyCredentialPayload certificate, String thumbprint,
            List<KeyCredential> before) {
        List<String> unreadable = unreadable(before);
        if (!unreadable.isEmpty()) {
            return new WriteResult(Outcome.REFUSED, "Graph did not return the key bytes of " + unreadable.size()
                    + " registered key(s) of application " + objectId + " (" + String.join(", ", unreadable) + "): a PATCH "
                    + "replaces the whole list, so it would delete them. Nothing was sent. "
                    + (unreadable.size() == before.size()
                            ? "Upload in the Entra admin center instead (without key bytes app09 cannot check an addKey "
                                    + "proof key either)"
                            : "Upload with a proof key (addKey) or in the Entra admin center instead"), null);
        }
        List<KeyCredential> all = new ArrayList<>();
        for (KeyCredential held : before) {
            all.add(copy(held)); // fresh objects: the SDK sends every property of a new object, not only changed ones
        }
        UUID keyId = UUID.randomUUID();
        KeyCredential added = new KeyCredential();
        added.setKeyId(keyId);
        added.setType(certificate.type());
        added.setUsage(certificate.usage());
        added.setKey(certificate.key());
        added.setDisplayName(certificate.displayName());
        added.setStartDateTime(certificate.startDateTime().atOffset(ZoneOffset.UTC));
        added.setEndDateTime(certificate.endDateTime().atOffset(ZoneOffset.UTC));
        added.setCustomKeyIdentifier(HexFormat.of().parseHex(thumbprint)); // the SHA-1 thumbprint, as the portal sets it
        all.add(added);
        Application patch = new Application();
        patch.setKeyCredentials(all);
        Answer answer = send(() -> {
            client.applications().byApplicationId(objectId.toString()).patch(patch, GraphWriter::sendOnce);
            return null;
        });
        return confirmUpload(objectId, certificate, thumbprint, before, answer, "PATCH of keyCredentials ("
                + before.size() + " existing key(s) sent back with the new one)");
    }

    /** @return the keyIds of the keys whose bytes Graph did not return */
    private static List<String> unreadable(List<KeyCredential> keys) {
        return keys.stream().filter(k -> k.getKey() == null || k.getKey().length == 0)
                .map(k -> String.valueOf(k.getKeyId())).toList();
    }

    /** Reads the keys back, again while the change does not show yet, and says what the write did. */
    private WriteResult confirmUpload(UUID objectId, KeyCredentialPayload certificate, String thumbprint,
            List<KeyCredential> before, Answer answer, String sent) {
        return readBack(answer, () -> confirmUploadOnce(objectId, certificate, thumbprint, before, answer, sent));
    }

    /**
     * Reads back until the result is settled (the change shows, or something it must not touch
     * moved) or the attempts are used up; a write without an answer that does not show is UNKNOWN.
     */
    private WriteResult readBack(Answer answer, Supplier<Confirmation> once) {
        Confirmation confirmation = once.get();
        for (int attempt = 2; attempt <= readBackAttempts && !confirmation.settled(); attempt++) {
            pause(attempt);
            confirmation = once.get();
        }
        return noAnswerUnchanged(confirmation.result(), answer);
    }

    /** One read-back's result, and whether reading again could change it. */
    private record Confirmation(WriteResult result, boolean settled) {
    }

    private Confirmation confirmUploadOnce(UUID objectId, KeyCredentialPayload certificate, String thumbprint,
            List<KeyCredential> before, Answer answer, String sent) {
        List<KeyCredential> after;
        try {
            after = keys(objectId);
        } catch (GraphCallFailed e) {
            return new Confirmation(new WriteResult(Outcome.UNKNOWN, sent + ": " + answer + "; reading the keys back failed ("
                    + e.getMessage() + "): whether certificate " + thumbprint + " was registered is not known. Read the "
                    + "application before trying again", null), false);
        }
        Map<UUID, String> now = new HashMap<>();
        after.forEach(k -> now.put(k.getKeyId(), facts(k)));
        List<String> lost = before.stream().map(KeyCredential::getKeyId).filter(id -> !now.containsKey(id))
                .map(String::valueOf).toList();
        List<String> changed = before.stream().filter(k -> now.containsKey(k.getKeyId()) && !now.get(k.getKeyId())
                .equals(facts(k))).map(k -> String.valueOf(k.getKeyId())).toList();
        UUID newKeyId = after.stream().filter(k -> Arrays.equals(k.getKey(), certificate.key()) && isVerifyCertificate(k))
                .map(KeyCredential::getKeyId).findFirst().orElse(null);
        if (!lost.isEmpty() || !changed.isEmpty()) {
            return new Confirmation(new WriteResult(Outcome.MISMATCH, sent + ": " + answer + "; THE READ-BACK "
                    + (lost.isEmpty() ? "" : "LACKS " + lost.size() + " KEY(S) READ BEFORE THE WRITE (" + String.join(", ", lost)
                            + ")" + (changed.isEmpty() ? "" : " AND "))
                    + (changed.isEmpty() ? "" : "SHOWS " + changed.size() + " KEY(S) CHANGED (" + String.join(", ", changed) + ")")
                    + ". Look at the application and re-register those certificates now",
                    newKeyId), true);
        }
        if (newKeyId != null) {
            return new Confirmation(new WriteResult(Outcome.DONE, sent + ": " + answer + (answer.succeeded() ? ""
                    : ", but the read-back shows it took effect") + "; certificate " + thumbprint + " is registered as key "
                    + newKeyId + ", and every one of the " + before.size() + " key(s) read before the write is still there, "
                    + "unchanged", newKeyId), true);
        }
        if (answer.succeeded()) {
            return new Confirmation(new WriteResult(Outcome.MISMATCH, sent + ": " + answer + ", but the read-back does not "
                    + "show certificate " + thumbprint + "; look at the application before trying again", null), false);
        }
        return new Confirmation(new WriteResult(Outcome.NOT_APPLIED, sent + ": " + answer + "; the read-back shows no change"
                + " and nothing was resent", null), false);
    }

    /**
     * A write Graph did not clearly refuse (no answer, a timeout, a 5xx) that does not show: it may
     * still take effect, so its fate is unknown, not "not applied". Only a 4xx is a refusal.
     */
    private static WriteResult noAnswerUnchanged(WriteResult result, Answer answer) {
        boolean uncertain = answer.status() == 0 || answer.status() == 408 || answer.status() >= 500;
        if (result.outcome() == Outcome.NOT_APPLIED && uncertain) {
            return new WriteResult(Outcome.UNKNOWN, result.message().replace("; the read-back shows no change"
                    + " and nothing was resent", "; the read-back shows no change yet, but the write may still take effect:"
                    + " nothing was resent; read the object again before sending anything"), result.keyId());
        }
        return result;
    }

    /** Everything a key is, as one comparable text: what a PATCH must keep as it was. */
    private static String facts(KeyCredential key) {
        return key.getKeyId() + "|" + key.getType() + "|" + key.getUsage() + "|" + key.getDisplayName() + "|"
                + instant(key.getStartDateTime()) + "|" + instant(key.getEndDateTime()) + "|"
                + (key.getCustomKeyIdentifier() == null ? "" : HexFormat.of().formatHex(key.getCustomKeyIdentifier())) + "|"
                + (key.getKey() == null ? "" : Thumbprints.of(key.getKey()).x5tS256());
    }

    private void pause(int attempt) {
        sleep(readBackDelay.multipliedBy(1L << Math.min(attempt - 2, 10)));
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Removes a password credential (a client secret) and confirms it is gone and nothing else is.
     *
     * @param location the object it sits on
     * @param objectId that object's id
     * @param keyId the password's keyId
     * @return what happened
     * @throws GraphCallFailed when the passwords cannot be read before the write (nothing was sent)
     */
    public WriteResult removePassword(CredentialLocation location, UUID objectId, UUID keyId) {
        requireNonNull(location, "location");
        requireNonNull(objectId, "objectId");
        requireNonNull(keyId, "keyId");
        String object = (location == CredentialLocation.APPLICATION ? "application " : "service principal ") + objectId;
        Set<UUID> before = passwords(location, objectId);
        if (!before.contains(keyId)) {
            return new WriteResult(Outcome.ALREADY_DONE, object + " holds no password " + keyId + " any more; nothing was sent",
                    keyId);
        }
        Answer answer = send(() -> {
            if (location == CredentialLocation.APPLICATION) {
                var body = new com.microsoft.graph.applications.item.removepassword.RemovePasswordPostRequestBody();
                body.setKeyId(keyId);
                client.applications().byApplicationId(objectId.toString()).removePassword()
                        .post(body, GraphWriter::sendOnce);
            } else {
                var body = new com.microsoft.graph.serviceprincipals.item.removepassword.RemovePasswordPostRequestBody();
                body.setKeyId(keyId);
                client.servicePrincipals().byServicePrincipalId(objectId.toString()).removePassword()
                        .post(body, GraphWriter::sendOnce);
            }
            return null;
        });
        String sent = "removePassword " + keyId + " on " + object;
        return readBack(answer, () -> confirmRemovalOnce(location, objectId, keyId, before, answer, sent));
    }

    private Confirmation confirmRemovalOnce(CredentialLocation location, UUID objectId, UUID keyId, Set<UUID> before,
            Answer answer, String sent) {
        Set<UUID> after;
        try {
            after = passwords(location, objectId);
        } catch (GraphCallFailed e) {
            return new Confirmation(new WriteResult(Outcome.UNKNOWN, sent + ": " + answer + "; reading the passwords back "
                    + "failed (" + e.getMessage() + "): whether the secret was removed is not known", keyId), false);
        }
        Set<UUID> expected = new LinkedHashSet<>(before);
        expected.remove(keyId);
        if (after.equals(expected)) {
            return new Confirmation(new WriteResult(Outcome.DONE, sent + ": " + answer + (answer.succeeded() ? ""
                    : ", but the read-back shows it took effect") + "; the secret is gone and the other " + expected.size()
                    + " password(s) are untouched", keyId), true);
        }
        if (after.equals(before)) {
            return new Confirmation(answer.succeeded()
                    ? new WriteResult(Outcome.MISMATCH, sent + ": " + answer + ", but the read-back still shows the secret; "
                            + "look at the object before trying again", keyId)
                    : new WriteResult(Outcome.NOT_APPLIED, sent + ": " + answer + "; the read-back shows no change and nothing"
                            + " was resent", keyId), false);
        }
        return new Confirmation(new WriteResult(Outcome.MISMATCH, sent + ": " + answer + "; THE READ-BACK SHOWS OTHER "
                + "PASSWORDS THAN EXPECTED (before " + before + ", after " + after + "); look at the object now", keyId), true);
    }

    /**
     * The SHA-1 thumbprints of the certificates on an application or a service principal, computed
     * from their {@code key} bytes (Graph returns them only when one object is read with
     * {@code $select=keyCredentials}). Keys whose bytes are missing or not a certificate are left out.
     *
     * @param location the kind of object
     * @param objectId its object id
     * @return keyId to upper-case SHA-1 hex
     * @throws GraphCallFailed when the keys cannot be read
     */
    public Map<UUID, String> certificateThumbprints(CredentialLocation location, UUID objectId) {
        requireNonNull(location, "location");
        requireNonNull(objectId, "objectId");
        List<KeyCredential> keys = location == CredentialLocation.APPLICATION ? keys(objectId)
                : servicePrincipalKeys(objectId);
        Map<UUID, String> thumbprints = new HashMap<>();
        for (KeyCredential key : keys) {
            byte[] der = key.getKey();
            if (der != null && der.length > 0 && key.getKeyId() != null && looksLikeCertificate(der)) {
                thumbprints.put(key.getKeyId(), Thumbprints.of(der).sha1Hex());
            }
        }
        return thumbprints;
    }

    private List<KeyCredential> servicePrincipalKeys(UUID objectId) {
        ServicePrincipal sp = read("reading the key credentials of service principal " + objectId, () -> reads
                .servicePrincipals().byServicePrincipalId(objectId.toString()).get(config -> {
                    config.options.add(NO_RETRY); // app09 retries, within its budget
                    config.queryParameters.select = new String[] {"id", "keyCredentials"};
                }));
        return sp.getKeyCredentials() == null ? List.of() : sp.getKeyCredentials();
    }

    private static boolean looksLikeCertificate(byte[] der) {
        try {
            java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(der));
            return true;
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private List<KeyCredential> keys(UUID objectId) {
        Application application = read("reading the key credentials of application " + objectId, () -> reads.applications()
                .byApplicationId(objectId.toString()).get(config -> {
                    config.options.add(NO_RETRY); // app09 retries, within its budget
                    config.queryParameters.select = new String[] {"id", "keyCredentials"};
                }));
        List<KeyCredential> keys = application.getKeyCredentials();
        return keys == null ? List.of() : keys;
    }

    private Set<UUID> passwords(CredentialLocation location, UUID objectId) {
        List<PasswordCredential> passwords;
        if (location == CredentialLocation.APPLICATION) {
            passwords = read("reading the passwords of application " + objectId, () -> reads.applications()
                    .byApplicationId(objectId.toString()).get(config -> {
                        config.options.add(NO_RETRY); // app09 retries, within its budget
                        config.queryParameters.select = new String[] {"id", "passwordCredentials"};
                    })).getPasswordCredentials();
        } else {
            ServicePrincipal sp = read("reading the passwords of service principal " + objectId, () -> reads
                    .servicePrincipals().byServicePrincipalId(objectId.toString()).get(config -> {
                        config.options.add(NO_RETRY); // app09 retries, within its budget
                        config.queryParameters.select = new String[] {"id", "passwordCredentials"};
                    }));
            passwords = sp.getPasswordCredentials();
        }
        Set<UUID> ids = new LinkedHashSet<>();
        if (passwords != null) {
            passwords.forEach(p -> ids.add(p.getKeyId()));
        }
        return ids;
    }

    /**
     * A read, sent again within the retry policy when Graph throttles it or cannot serve it, or its
     * connection broke (see {@link #withRetries}).
     */
    private <T> T read(String what, Supplier<@Nullable T> request) {
        Duration waited = Duration.ZERO;
        for (int retryNumber = 1; ; retryNumber++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new GraphCallFailed(0, what + ": interrupted", new InterruptedException());
            }
            GraphCallFailed failure;
            Optional<Duration> asked = Optional.empty();
            try {
                T value = request.get();
                if (value == null) {
                    throw new GraphCallFailed(200, what + ": Graph answered with nothing", new IllegalStateException(what));
                }
                return value;
            } catch (ApiException e) {
                failure = new GraphCallFailed(e.getResponseStatusCode(), what + ": " + describe(e), e);
                if (!GraphCalls.RETRYABLE.contains(e.getResponseStatusCode())) {
                    throw failure;
                }
                Set<String> retryAfter = e.getResponseHeaders().get("Retry-After");
                asked = GraphCalls.retryAfter(retryAfter == null || retryAfter.isEmpty() ? null
                        : retryAfter.iterator().next(), clock);
            } catch (GraphCallFailed e) {
                throw e;
            } catch (RuntimeException e) {
                IOException io = GraphCalls.ioCause(e);
                failure = new GraphCallFailed(0, what + ": " + GraphCalls.rootMessage(e), e);
                if (io == null || !GraphCalls.worthResending(io)) {
                    throw failure;
                }
            }
            String refusal = retry.refusal(retryNumber, waited, asked);
            if (refusal != null) {
                throw new GraphCallFailed(failure.status(), failure.getMessage() + "; " + refusal, failure);
            }
            Duration wait = retry.wait(retryNumber, asked);
            sleep(wait);
            waited = waited.plus(wait);
        }
    }

    /** Sends a write once; what Graph answered, never an exception. */
    private static Answer send(Supplier<?> write) {
        try {
            write.get();
            return new Answer(200, "Graph accepted it");
        } catch (ApiException e) {
            return new Answer(e.getResponseStatusCode(), "Graph answered " + describe(e));
        } catch (RuntimeException e) {
            return new Answer(0, "no answer from Graph (" + GraphCalls.rootMessage(e) + ")");
        }
    }

    private static void sendOnce(BaseRequestConfiguration config) {
        config.options.add(NO_RETRY);
        config.options.add(NO_REDIRECT);
    }

    private static String describe(ApiException e) {
        String text = "HTTP " + e.getResponseStatusCode();
        if (e instanceof ODataError error && error.getError() != null) {
            text += " " + error.getError().getCode() + ": " + error.getError().getMessage();
        }
        return text;
    }

    /** Whether a key is a client certificate ({@code AsymmetricX509Cert}, {@code Verify}), whatever its dates. */
    private static boolean isVerifyCertificate(KeyCredential key) {
        return KeyCredentialPayload.TYPE.equals(key.getType()) && KeyCredentialPayload.USAGE.equals(key.getUsage());
    }

    private CredentialStatus status(KeyCredential key) {
        return CredentialStatus.at(instant(key.getStartDateTime()), instant(key.getEndDateTime()), clock.instant());
    }

    private static KeyCredential copy(KeyCredential held) {
        KeyCredential copy = new KeyCredential();
        copy.setKeyId(held.getKeyId());
        copy.setType(held.getType());
        copy.setUsage(held.getUsage());
        copy.setKey(held.getKey());
        copy.setDisplayName(held.getDisplayName());
        copy.setCustomKeyIdentifier(held.getCustomKeyIdentifier());
        copy.setStartDateTime(held.getStartDateTime());
        copy.setEndDateTime(held.getEndDateTime());
        return copy;
    }

    private static java.time.@Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** What Graph answered a write: a status (0 for no answer) and a description. */
    private record Answer(int status, String description) {
        boolean succeeded() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
