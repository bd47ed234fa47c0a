package dev.cradle.engine.ai;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.cradle.factors.FactorLibrary;

/** Registers the AI rules (a new rule is one more line here) and the bundled factor library. */
public final class AiModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(FactorLibrary.class).toInstance(FactorLibrary.bundled());
        Multibinder<Rule> rules = Multibinder.newSetBinder(binder(), Rule.class);
        rules.addBinding().to(DatacenterRule.class);
        rules.addBinding().to(WorkloadEnergyRule.class);
        rules.addBinding().to(HardwareEmbodiedRule.class);
        rules.addBinding().to(IdleRule.class);
        rules.addBinding().to(SharedInfrastructureRule.class);
        rules.addBinding().to(FunctionalUnitRule.class);
    }
}
