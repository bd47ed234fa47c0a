package dev.cradle.engine.ai;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

/**
 * Registers the AI rules (a new rule is one more line here). The reference data they read is not bound
 * here: the engine does not know a library; {@link dev.cradle.engine.Cradle#aiCompiler} takes one.
 */
public final class AiModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder<Rule> rules = Multibinder.newSetBinder(binder(), Rule.class);
        rules.addBinding().to(DatacenterRule.class);
        rules.addBinding().to(WorkloadEnergyRule.class);
        rules.addBinding().to(HardwareEmbodiedRule.class);
        rules.addBinding().to(IdleRule.class);
        rules.addBinding().to(SharedInfrastructureRule.class);
        rules.addBinding().to(FunctionalUnitRule.class);
    }
}
