package dev.app09.certs.inspect;

import dev.app09.core.model.KeyCredentialPayload;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether a file may be uploaded as an application's certificate: every reason it may not, every
 * warning, and, when nothing refuses it, the keyCredential to send.
 *
 * @param refusals every reason the file may not be uploaded; empty when it may
 * @param warnings what to look at before uploading, refused or not
 * @param payload the keyCredential for the first certificate; given exactly when nothing refuses it
 */
public record UploadVerdict(List<Refusal> refusals, List<Warning> warnings, @Nullable KeyCredentialPayload payload) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException when a payload comes with refusals, or is missing without any
     */
    public UploadVerdict {
        refusals = List.copyOf(refusals);
        warnings = List.copyOf(warnings);
        if (refusals.isEmpty() == (payload == null)) {
            throw new IllegalArgumentException("a verdict has a payload exactly when nothing refuses the upload");
        }
    }

    /** @return whether nothing refuses the upload */
    public boolean acceptable() {
        return refusals.isEmpty();
    }
}
