package vn.smartprovince.onestopfake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import vn.smartprovince.shared.json.Json;

/**
 * The faults in force, a probability for each, drawn from seeded generators (one per direction) so
 * that a sequence of calls meets the same faults again with the same seed. Draws happen in the
 * order calls arrive: with concurrent callers the order (and so which call is hit) can vary, the
 * share cannot. Thread-safe.
 */
final class FaultPlan {
    /** Faults on what we receive ({@code POST /dossier-events}). */
    record Inbound(double down, double slow, double errorAfterApply, long slowMs) {
        static final Inbound NONE = new Inbound(0, 0, 0, 7_000);
    }

    /** Faults on the desk updates the fake pushes. */
    record Outbound(double down, double slow, double duplicate, double outOfOrder, long slowMs) {
        static final Outbound NONE = new Outbound(0, 0, 0, 0, 1_500);
    }

    enum InboundFault { NONE, DOWN, SLOW, ERROR_AFTER_APPLY }

    private Inbound inbound = Inbound.NONE;
    private Outbound outbound = Outbound.NONE;
    private long seed = 1;
    private Random inboundRandom = new Random(1);
    private Random outboundRandom = new Random(2);

    synchronized void reset() {
        set(Inbound.NONE, Outbound.NONE, 1);
    }

    synchronized void set(Inbound in, Outbound out, long newSeed) {
        inbound = in;
        outbound = out;
        seed = newSeed;
        inboundRandom = new Random(newSeed);
        outboundRandom = new Random(newSeed * 31 + 7);
    }

    synchronized Inbound inbound() {
        return inbound;
    }

    synchronized Outbound outbound() {
        return outbound;
    }

    /** At most one fault per received event: down, else slow, else 5xx after applying. */
    synchronized InboundFault drawInbound() {
        double r = inboundRandom.nextDouble();
        if (r < inbound.down) {
            return InboundFault.DOWN;
        }
        if (r < inbound.down + inbound.slow) {
            return InboundFault.SLOW;
        }
        if (r < inbound.down + inbound.slow + inbound.errorAfterApply) {
            return InboundFault.ERROR_AFTER_APPLY;
        }
        return InboundFault.NONE;
    }

    /** Whether one push attempt fails to reach our side (the fake's own outage). */
    synchronized boolean drawPushDown() {
        return outboundRandom.nextDouble() < outbound.down;
    }

    synchronized boolean drawPushSlow() {
        return outboundRandom.nextDouble() < outbound.slow;
    }

    synchronized boolean drawDuplicate() {
        return outboundRandom.nextDouble() < outbound.duplicate;
    }

    synchronized boolean drawOutOfOrder() {
        return outboundRandom.nextDouble() < outbound.outOfOrder;
    }

    /**
     * Reads {@code {"seed", "inbound": {"down","slow","errorAfterApply","slowMs"}, "outbound": {"down",
     * "slow","duplicate","outOfOrder","slowMs"}}}; a field left out keeps its value, a direction
     * left out keeps its faults; {@code "share": p} sets every probability of both directions to p.
     */
    synchronized void apply(JsonNode body) {
        Inbound in = inbound;
        Outbound out = outbound;
        if (body.has("share")) {
            double p = probability(body, "share", 0);
            in = new Inbound(p, p, p, in.slowMs);
            out = new Outbound(p, p, p, p, out.slowMs);
        }
        JsonNode i = body.path("inbound");
        if (i.isObject()) {
            in = new Inbound(probability(i, "down", in.down), probability(i, "slow", in.slow),
                    probability(i, "errorAfterApply", in.errorAfterApply), millis(i, "slowMs", in.slowMs));
        }
        JsonNode o = body.path("outbound");
        if (o.isObject()) {
            out = new Outbound(probability(o, "down", out.down), probability(o, "slow", out.slow),
                    probability(o, "duplicate", out.duplicate), probability(o, "outOfOrder", out.outOfOrder),
                    millis(o, "slowMs", out.slowMs));
        }
        if (in.down + in.slow + in.errorAfterApply > 1) {
            throw new IllegalArgumentException("inbound down + slow + errorAfterApply must not exceed 1");
        }
        long newSeed = body.has("seed") ? body.get("seed").asLong() : seed;
        set(in, out, newSeed);
    }

    synchronized ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("seed", seed);
        ObjectNode in = node.putObject("inbound");
        in.put("down", inbound.down).put("slow", inbound.slow).put("errorAfterApply", inbound.errorAfterApply)
                .put("slowMs", inbound.slowMs);
        ObjectNode out = node.putObject("outbound");
        out.put("down", outbound.down).put("slow", outbound.slow).put("duplicate", outbound.duplicate)
                .put("outOfOrder", outbound.outOfOrder).put("slowMs", outbound.slowMs);
        return node;
    }

    private static double probability(JsonNode node, String field, double current) {
        if (!node.has(field)) {
            return current;
        }
        JsonNode value = node.get(field);
        if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
            throw new IllegalArgumentException(field + " must be a probability between 0 and 1");
        }
        return value.asDouble();
    }

    private static long millis(JsonNode node, String field, long current) {
        if (!node.has(field)) {
            return current;
        }
        JsonNode value = node.get(field);
        if (!value.canConvertToLong() || value.asLong() < 0 || value.asLong() > 600_000) {
            throw new IllegalArgumentException(field + " must be 0..600000");
        }
        return value.asLong();
    }
}
