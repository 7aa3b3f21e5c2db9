package io.jenkins.plugins.mldelivery.core.gate.rule;

import io.jenkins.plugins.mldelivery.core.gate.rule.Token.Kind;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A recursive-descent parser for gate rules; the grammar (in {@code docs/gate.md}) is, one method
 * per production:
 *
 * <pre>
 * rule         = expression comparison expression [ qualifier ] END
 * comparison   = "&gt;=" | "&lt;=" | "&gt;" | "&lt;"
 * expression   = term { ( "+" | "-" ) term }
 * term         = unary { ( "*" | "/" ) unary }
 * unary        = "-" unary | primary
 * primary      = NUMBER | "(" expression ")" | function | metric
 * function     = ( "max_gap" | "min" | "max" ) "(" [ "champion" "." ] name "," "by" "=" name ")"
 * metric       = [ "champion" "." ] name [ SLICE ]
 * name         = ( NAME | QUOTED_NAME ) { "." NAME }
 * qualifier    = "significantly" [ confidence ] | confidence
 * confidence   = "with" NUMBER "%" "confidence"
 * </pre>
 *
 * No script engine is involved: in Jenkins that would be a sandbox escape.
 */
public final class RuleParser {
    private static final String FUNCTIONS = Arrays.stream(Aggregate.values())
            .map(Aggregate::functionName).collect(Collectors.joining(", "));
    private static final String SIGNIFICANCE_SHAPE = "a rule with 'significantly' or 'with N% confidence' compares a metric"
            + " of this model with the same metric of the champion, such as 'f1 > champion.f1 significantly'"
            + " or 'logloss <= champion.logloss * 1.02 with 95% confidence'";

    private final RuleSource source;
    private final List<Token> tokens;
    private int next;

    private RuleParser(final RuleSource source) {
        this.source = source;
        this.tokens = RuleLexer.tokens(source);
    }

    /**
     * Parses one rule.
     *
     * @param source the rule and its number
     * @return the parsed rule
     * @throws io.jenkins.plugins.mldelivery.core.io.BadInputException naming the rule, the position, what
     *         was expected and what was found
     */
    public static GateRule parse(final RuleSource source) {
        return new RuleParser(source).rule();
    }

    private GateRule rule() {
        if (peek().kind() == Kind.END) {
            throw source.error("the rule is empty; write for example 'accuracy >= 0.85'");
        }
        Expression left = expression();
        Comparison comparison = comparison();
        Expression right = expression();
        Optional<Double> confidence = qualifier();
        if (peek().kind() != Kind.END) {
            throw source.errorAt(peek().position(), "unexpected " + peek().describe() + " after the end of the rule");
        }
        if (left.references().isEmpty() && right.references().isEmpty()) {
            throw source.error("the rule compares no metric; write for example 'accuracy >= 0.85'");
        }
        Optional<SignificanceRequirement> significance = confidence.map(level -> significance(left, right, level));
        return new GateRule(source, left, comparison, right, significance);
    }

    private Comparison comparison() {
        Token token = take();
        return switch (token.kind()) {
            case AT_LEAST -> Comparison.AT_LEAST;
            case AT_MOST -> Comparison.AT_MOST;
            case GREATER -> Comparison.GREATER;
            case LESS -> Comparison.LESS;
            default -> throw source.errorAt(token.position(),
                    "expected a comparison (>=, <=, > or <) but found " + token.describe());
        };
    }

    private Expression expression() {
        Expression result = term();
        while (peek().kind() == Kind.PLUS || peek().kind() == Kind.MINUS) {
            Operator operator = take().kind() == Kind.PLUS ? Operator.PLUS : Operator.MINUS;
            result = new Expression.Arithmetic(operator, result, term());
        }
        return result;
    }

    private Expression term() {
        Expression result = unary();
        while (peek().kind() == Kind.TIMES || peek().kind() == Kind.DIVIDE) {
            Token token = take();
            Operator operator = token.kind() == Kind.TIMES ? Operator.TIMES : Operator.DIVIDE;
            Expression divisor = unary();
            result = new Expression.Arithmetic(operator, result, divisor);
            if (operator == Operator.DIVIDE && divisor.references().isEmpty()
                    && divisor.evaluate(MetricValues.none(), MetricValues.none()) == 0) {
                // known when the rule is read: reported with the rule's other mistakes, not as a verdict
                throw source.errorAt(token.position(), "division by zero: '" + unparenthesised(result) + "' is not a number");
            }
        }
        return result;
    }

    private Expression unary() {
        if (peek().kind() == Kind.MINUS) {
            take();
            return new Expression.Negation(unary());
        }
        return primary();
    }

    private Expression primary() {
        Token token = peek();
        switch (token.kind()) {
            case NUMBER:
                take();
                return new Expression.Constant(Double.parseDouble(token.text()));
            case OPEN:
                take();
                Expression inner = expression();
                expect(Kind.CLOSE, "')' to close the '(' at position " + token.position());
                return inner;
            case NAME:
                if (peekAfter().kind() == Kind.OPEN) {
                    return function();
                }
                return metric();
            case QUOTED_NAME:
                return metric();
            default:
                throw source.errorAt(token.position(), "expected a number, a metric or '(' but found " + token.describe());
        }
    }

    private Expression function() {
        Token name = take();
        Aggregate aggregate = Aggregate.byName(name.text());
        if (aggregate == null) {
            throw source.errorAt(name.position(), "unknown function '" + name.text() + "'; the functions are " + FUNCTIONS);
        }
        take();
        Side side = side();
        String metric = name();
        expect(Kind.COMMA, "',' and 'by=ATTRIBUTE' after the metric of " + aggregate.functionName());
        Token by = take();
        if (!by.isKeyword("by")) {
            throw source.errorAt(by.position(), "expected 'by=ATTRIBUTE' but found " + by.describe());
        }
        expect(Kind.EQUALS, "'=' after 'by'");
        String attribute = name();
        expect(Kind.CLOSE, "')' to close " + aggregate.functionName() + "( at position " + name.position());
        return new Expression.SliceAggregate(aggregate, side, metric, attribute);
    }

    private Expression metric() {
        Side side = side();
        String name = name();
        if (peek().kind() == Kind.SLICE) {
            name += "[" + slice(take()) + "]";
        }
        return new Expression.Metric(side, name);
    }

    private Side side() {
        if (peek().isKeyword("champion") && peekAfter().kind() == Kind.DOT) {
            take();
            take();
            return Side.CHAMPION;
        }
        return Side.CHALLENGER;
    }

    private String name() {
        Token first = take();
        if (first.kind() != Kind.NAME && first.kind() != Kind.QUOTED_NAME) {
            throw source.errorAt(first.position(), "expected a metric name but found " + first.describe());
        }
        if (first.kind() == Kind.QUOTED_NAME && first.text().isBlank()) {
            throw source.errorAt(first.position(), "a quoted name must not be empty");
        }
        StringBuilder name = new StringBuilder(first.text());
        while (peek().kind() == Kind.DOT) {
            take();
            name.append('.').append(expect(Kind.NAME, "a name after '.'").text());
        }
        return name.toString();
    }

    /** Checks a slice's conditions, {@code attribute=value[,attribute=value]…}, and returns them as written. */
    private String slice(final Token slice) {
        for (String condition : slice.text().split(",", -1)) {
            String[] parts = condition.split("=", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw source.errorAt(slice.position(), "expected a slice such as [gender=F] but found '[" + slice.text() + "]'");
            }
        }
        return slice.text();
    }

    private Optional<Double> qualifier() {
        if (peek().isKeyword("significantly")) {
            take();
            return Optional.of(peek().isKeyword("with") ? confidence() : SignificanceRequirement.DEFAULT_CONFIDENCE);
        }
        if (peek().isKeyword("with")) {
            return Optional.of(confidence());
        }
        return Optional.empty();
    }

    private double confidence() {
        take();
        Token level = expect(Kind.NUMBER, "a confidence level such as '95%' after 'with'");
        expect(Kind.PERCENT, "'%' after the confidence level " + level.text());
        Token word = take();
        if (!word.isKeyword("confidence")) {
            throw source.errorAt(word.position(), "expected 'confidence' but found " + word.describe());
        }
        double percent = Double.parseDouble(level.text());
        if (!(percent >= 50 && percent < 100)) {
            throw source.errorAt(level.position(), "the confidence level must be at least 50% and below 100%, not " + level.text() + "%");
        }
        return percent / 100;
    }

    private SignificanceRequirement significance(final Expression left, final Expression right, final double confidence) {
        if (!(left instanceof Expression.Metric metric) || metric.side() != Side.CHALLENGER) {
            throw source.error(SIGNIFICANCE_SHAPE);
        }
        LinearForm threshold = right.linearIn(metric.name())
                .filter(form -> form.slope() > 0)
                .orElseThrow(() -> source.error(SIGNIFICANCE_SHAPE));
        return new SignificanceRequirement(metric.name(), threshold, confidence);
    }

    private Token expect(final Kind kind, final String expected) {
        Token token = take();
        if (token.kind() != kind) {
            throw source.errorAt(token.position(), "expected " + expected + " but found " + token.describe());
        }
        return token;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token peekAfter() {
        return tokens.get(Math.min(next + 1, tokens.size() - 1));
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.kind() != Kind.END) {
            next++;
        }
        return token;
    }

    private static String unparenthesised(final Expression expression) {
        String text = expression.toString();
        return text.startsWith("(") && text.endsWith(")") ? text.substring(1, text.length() - 1) : text;
    }
}
