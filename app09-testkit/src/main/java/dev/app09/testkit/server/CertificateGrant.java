package dev.app09.testkit.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.app09.core.model.Application;
import dev.app09.core.rules.CredentialStatus;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The client-credentials grant with a certificate, checked as Entra checks it: the tenant, the
 * form, the application, the assertion's claims, then its signature by a client certificate the
 * directory holds for the application and whose key credential is active at the fake Graph's
 * clock. Every refusal is an {@link EntraError}.
 */
final class CertificateGrant {

    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /**
     * What a granted request proved.
     *
     * @param appId the application that authenticated
     * @param keyId the key credential whose certificate verified the assertion
     */
    record Granted(UUID appId, UUID keyId) {
    }

    private CertificateGrant() {
    }

    /**
     * @param tenant the tenant segment of the path
     * @param form the request's form
     * @param audiences the URLs of this token endpoint, one of which the assertion must name
     * @param directory the fake Graph's tenant as it is now
     * @param graphNow the fake Graph's clock: when key credentials must be active
     * @param wallNow the wall clock: when the assertion must be valid (MSAL stamps it so)
     * @param json a mapper for the assertion's parts
     * @return what the request proved
     * @throws EntraError when Entra would refuse the request
     */
    static Granted check(String tenant, TokenForm form, Set<String> audiences, FakeDirectory directory,
            Instant graphNow, Instant wallNow, ObjectMapper json) {
        checkTenant(tenant, directory); // the URL names the tenant: Entra looks it up before reading the form
        String grantType = form.require("grant_type");
        if (!grantType.equals("client_credentials")) {
            throw EntraError.unsupportedGrantType(grantType);
        }
        if (form.has("client_secret")) {
            throw EntraError.invalidClient(7000215, "Invalid client secret provided. The fake Entra token endpoint of"
                    + " app09-testkit takes certificates only: send a client_assertion signed by a certificate"
                    + " registered on the application.");
        }
        String clientId = form.require("client_id");
        form.require("scope");
        String assertionType = form.require("client_assertion_type");
        if (!assertionType.equals(ASSERTION_TYPE)) {
            throw EntraError.invalidRequest(900144, "The request body must contain the following parameter:"
                    + " 'client_assertion_type' with the value '" + ASSERTION_TYPE + "'.");
        }
        String jwt = form.require("client_assertion");
        Application application = application(clientId, directory);
        ClientAssertion assertion = ClientAssertion.parse(jwt, json);
        assertion.checkClaims(clientId, audiences, wallNow);
        return verify(assertion, application, directory, graphNow);
    }

    private static void checkTenant(String tenant, FakeDirectory directory) {
        UUID served = directory.source().tenantId();
        UUID asked = guid(tenant);
        if (served != null && asked != null && !asked.equals(served)) {
            throw EntraError.tenantNotFound(tenant);
        }
    }

    private static Application application(String clientId, FakeDirectory directory) {
        UUID appId = guid(clientId);
        OptionalInt index = appId == null ? OptionalInt.empty() : directory.applicationIndexByAppId(appId);
        if (index.isEmpty()) {
            throw EntraError.applicationNotFound(clientId);
        }
        return directory.application(index.getAsInt());
    }

    private static Granted verify(ClientAssertion assertion, Application application, FakeDirectory directory,
            Instant graphNow) {
        List<ClientCertificate> named = assertion.named(directory.clientCertificates(application));
        if (named.isEmpty()) {
            throw EntraError.invalidClient(700027, "The certificate with identifier used to sign the client assertion"
                    + " is not registered on application. [Reason - The key was not found., Thumbprint of key used by"
                    + " client: '" + assertion.quotedThumbprint() + "', app Id '" + application.appId() + "']");
        }
        List<ClientCertificate> active = named.stream().filter(c -> c.activeAt(graphNow)).toList();
        if (active.isEmpty()) {
            ClientCertificate found = named.get(0);
            String reason = found.status(graphNow) == CredentialStatus.NOT_YET_VALID ? "The key used is not yet valid."
                    : "The key used is expired.";
            throw EntraError.invalidClient(700027, "Client assertion contains an invalid signature. [Reason - " + reason
                    + ", Thumbprint of key used by client: '" + assertion.quotedThumbprint() + "', Found key 'Start="
                    + found.credential().startDateTime() + ", End=" + found.credential().endDateTime() + "' at "
                    + graphNow + "]");
        }
        for (ClientCertificate certificate : active) {
            if (assertion.signedBy(certificate.certificate())) {
                return new Granted(application.appId(), certificate.credential().keyId());
            }
        }
        throw EntraError.invalidClient(700027, "Client assertion failed signature validation. [Reason - The provided"
                + " signature value did not match the expected signature value., Thumbprint of key used by client: '"
                + assertion.quotedThumbprint() + "']");
    }

    /** @return the GUID the text spells in its canonical form, or null (a domain name, "organizations") */
    private static @Nullable UUID guid(String text) {
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
