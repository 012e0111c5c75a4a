package dev.app09.testkit.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.app09.core.model.AppManagementPolicy;
import dev.app09.core.model.CredentialSignIn;
import dev.app09.core.model.SignInEvidence;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.rules.ExceptionEntry;
import dev.app09.core.rules.ExceptionRegister;
import dev.app09.testkit.tenant.TenantSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes a tenant as the export folder {@code app09 scan --export DIR} reads: each file holds the
 * body Graph returns for that request ({@code {"value":[...]}} for collections), pretty-printed
 * so that checked-in samples diff well. Objects are streamed one at a time, so a generated
 * million-object tenant is written in constant memory.
 *
 * <ul>
 *   <li>{@value #APPLICATIONS}: applications, with {@code federatedIdentityCredentials} expanded;</li>
 *   <li>{@value #SERVICE_PRINCIPALS}: service principals;</li>
 *   <li>{@value #POLICY}: the default app management policy, when the tenant has one;</li>
 *   <li>{@value #SIGN_INS}: the beta credential sign-in report, when the tenant has evidence;</li>
 *   <li>{@value #EXCEPTIONS}: the exceptions register, written only by {@link #writeExceptions}.</li>
 * </ul>
 *
 * Existing files are never overwritten: writing into a folder that already holds one fails.
 */
public final class ExportFolder {

    /** The applications file. */
    public static final String APPLICATIONS = "applications.json";
    /** The service principals file. */
    public static final String SERVICE_PRINCIPALS = "servicePrincipals.json";
    /** The optional default app management policy file. */
    public static final String POLICY = "defaultAppManagementPolicy.json";
    /** The optional credential sign-in activity file. */
    public static final String SIGN_INS = "appCredentialSignInActivities.json";
    /** The exceptions register file ({@code app09 scan --exceptions}). */
    public static final String EXCEPTIONS = "exceptions.json";

    private static final JsonFactory JSON = new JsonFactory();

    private ExportFolder() {
    }

    /**
     * @param tenant the tenant
     * @param folder the folder, created when missing
     * @throws UncheckedIOException when a file exists already or cannot be written
     */
    public static void write(TenantSnapshot tenant, Path folder) {
        write(TenantSource.of(tenant), folder);
    }

    /**
     * @param tenant the tenant, read one object at a time
     * @param folder the folder, created when missing
     * @throws UncheckedIOException when a file exists already or cannot be written
     */
    public static void write(TenantSource tenant, Path folder) {
        try {
            Files.createDirectories(folder);
            for (String name : List.of(APPLICATIONS, SERVICE_PRINCIPALS, POLICY, SIGN_INS)) {
                if (Files.exists(folder.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                    // Checked before anything is written, so a refused export leaves no partial files.
                    throw new FileAlreadyExistsException(folder.resolve(name).toString(), null,
                            "an export is never written over an existing one");
                }
            }
            try (JsonGenerator out = open(folder.resolve(APPLICATIONS))) {
                startCollection(out, "v1.0", "applications");
                for (int i = 0; i < tenant.applicationCount(); i++) {
                    GraphJson.application(out, tenant.application(i), GraphJson.APPLICATION_PROPERTIES, true, null);
                }
                endCollection(out);
            }
            try (JsonGenerator out = open(folder.resolve(SERVICE_PRINCIPALS))) {
                startCollection(out, "v1.0", "servicePrincipals");
                for (int i = 0; i < tenant.servicePrincipalCount(); i++) {
                    GraphJson.servicePrincipal(out, tenant.servicePrincipal(i), GraphJson.SERVICE_PRINCIPAL_PROPERTIES);
                }
                endCollection(out);
            }
            AppManagementPolicy policy = tenant.appManagementPolicy();
            if (policy != null) {
                try (JsonGenerator out = open(folder.resolve(POLICY))) {
                    GraphJson.appManagementPolicy(out, policy);
                    out.writeRaw('\n');
                }
            }
            SignInEvidence evidence = tenant.signInEvidence();
            if (evidence != null) {
                try (JsonGenerator out = open(folder.resolve(SIGN_INS))) {
                    startCollection(out, "beta", "reports/appCredentialSignInActivities");
                    for (CredentialSignIn signIn : evidence.signIns()) {
                        GraphJson.signInActivity(out, signIn);
                    }
                    endCollection(out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes an exceptions register as {@code app09 scan --exceptions} reads it: a JSON array of
     * {@code {appId, reason, approvedBy, expires}}.
     *
     * @param register the register
     * @param file the file to create
     * @throws UncheckedIOException when the file exists already or cannot be written
     */
    public static void writeExceptions(ExceptionRegister register, Path file) {
        try (JsonGenerator out = open(file)) {
            out.writeStartArray();
            for (ExceptionEntry entry : register.entries()) {
                out.writeStartObject();
                out.writeStringField("appId", entry.appId().toString());
                out.writeStringField("reason", entry.reason());
                out.writeStringField("approvedBy", entry.approvedBy());
                out.writeStringField("expires", entry.expires().toString());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the exceptions file " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonGenerator open(Path file) throws IOException {
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
                .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        OutputStream stream = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            return JSON.createGenerator(stream, JsonEncoding.UTF8).setPrettyPrinter(pretty);
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    private static void startCollection(JsonGenerator out, String version, String context) throws IOException {
        out.writeStartObject();
        out.writeStringField("@odata.context", "https://graph.microsoft.com/" + version + "/$metadata#" + context);
        out.writeArrayFieldStart("value");
    }

    private static void endCollection(JsonGenerator out) throws IOException {
        out.writeEndArray();
        out.writeEndObject();
        out.writeRaw('\n');
    }
}
