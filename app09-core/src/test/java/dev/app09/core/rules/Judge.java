package dev.app09.core.rules;

import static dev.app09.core.Fixtures.AS_OF;

import dev.app09.core.model.Application;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.SignInEvidence;
import org.jspecify.annotations.Nullable;

/** Shortcuts for judging one workload in tests. */
final class Judge {

    private Judge() {
    }

    static WorkloadAssessment app(Application app) {
        return workload(app, null, Policy.defaults(), null);
    }

    static WorkloadAssessment sp(ServicePrincipal sp) {
        return workload(null, sp, Policy.defaults(), null);
    }

    static WorkloadAssessment both(Application app, ServicePrincipal sp) {
        return workload(app, sp, Policy.defaults(), null);
    }

    static WorkloadAssessment workload(@Nullable Application app, @Nullable ServicePrincipal sp, Policy policy,
            @Nullable SignInEvidence evidence) {
        Workload w = new Workload(app != null ? app.appId() : sp.appId(), app, sp);
        return WorkloadRules.assess(w, policy, AS_OF, evidence);
    }
}
