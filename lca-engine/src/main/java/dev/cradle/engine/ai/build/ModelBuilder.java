package dev.cradle.engine.ai.build;

import dev.cradle.engine.ai.Declarations.Model;
import dev.cradle.model.Dimension;
import dev.cradle.model.Expression;

/**
 * Builds a {@link Model}: a trained model whose workloads (training, inference) the study declares.
 *
 * <p>Defaults (those of the YAML reader): name = id; training amortised over the model's own inference
 * volume (queries 0 and tokens 0 mean "the inference workloads' volume"); service life not given (no
 * "year of service" functional unit); not derived from a base model; downstream tasks not given.
 */
public final class ModelBuilder {
    private final String id;
    private String name;
    private Expression queries = new Expression.Number(0, 0);
    private Expression tokens = new Expression.Number(0, 0);
    private Expression lifeYears;
    private String derivedFrom = "";
    private Expression tasks;
    private String origin = "java";

    public ModelBuilder(String id) {
        this.id = id;
    }

    public ModelBuilder name(String name) {
        this.name = name;
        return this;
    }

    /** Training spread over this many queries (> 0) for a per-query functional unit. */
    public ModelBuilder amortiseOverQueries(double queries) {
        this.queries = FieldValue.number("amortise_training_over.queries", queries);
        return this;
    }

    public ModelBuilder amortiseOverQueries(String formula) {
        this.queries = FieldValue.formula("amortise_training_over.queries", formula);
        return this;
    }

    /** Training spread over this many tokens (> 0) for a per-1,000-tokens functional unit. */
    public ModelBuilder amortiseOverTokens(double tokens) {
        this.tokens = FieldValue.number("amortise_training_over.tokens", tokens);
        return this;
    }

    public ModelBuilder amortiseOverTokens(String formula) {
        this.tokens = FieldValue.formula("amortise_training_over.tokens", formula);
        return this;
    }

    /** Years the trained model serves, for the "year of service" functional unit. */
    public ModelBuilder serviceLifeYears(double years) {
        this.lifeYears = FieldValue.number("service_life", years);
        return this;
    }

    /** Service life with a unit of time, e.g. {@code (540, "d")} (a year is 365 days). */
    public ModelBuilder serviceLife(double value, String timeUnit) {
        this.lifeYears = FieldValue.quantity("service_life", value, timeUnit, Dimension.TIME, "year");
        return this;
    }

    public ModelBuilder serviceLife(String formula, String timeUnit) {
        this.lifeYears = FieldValue.formula("service_life", formula, timeUnit, Dimension.TIME, "year");
        return this;
    }

    /** A base model whose training this model shares (fine-tuning). */
    public ModelBuilder derivedFrom(String baseModel) {
        this.derivedFrom = baseModel;
        return this;
    }

    /** The number (≥ 1) of downstream models or tasks the base model's training is spread over. */
    public ModelBuilder downstreamTasks(double tasks) {
        this.tasks = FieldValue.number("downstream_tasks", tasks);
        return this;
    }

    public ModelBuilder downstreamTasks(String formula) {
        this.tasks = FieldValue.formula("downstream_tasks", formula);
        return this;
    }

    public ModelBuilder origin(String origin) {
        this.origin = origin;
        return this;
    }

    /** @throws DeclarationException listing every problem */
    public Model build() {
        Checks c = new Checks("model '" + id + "'");
        c.required(id, "id", "a unique name");
        if (!(queries instanceof Expression.Number n && n.value() == 0)) {
            c.domain(queries, "amortise_training_over.queries", Checks.Domain.POSITIVE);
        }
        if (!(tokens instanceof Expression.Number n && n.value() == 0)) {
            c.domain(tokens, "amortise_training_over.tokens", Checks.Domain.POSITIVE);
        }
        c.domain(lifeYears, "service_life", Checks.Domain.POSITIVE);
        c.domain(tasks, "downstream_tasks", Checks.Domain.AT_LEAST_ONE);
        if (id != null && id.equals(derivedFrom)) {
            c.add("cannot be derived from itself");
        }
        c.throwIfAny();
        return new Model(id, name == null ? id : name, queries, tokens, lifeYears, derivedFrom, tasks, origin);
    }
}
