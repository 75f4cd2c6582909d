package vn.smartprovince.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.smartprovince.local.lambda.FunctionInvoker;
import vn.smartprovince.shared.json.Json;

/** Records every event and answers with what the test's behaviour says (a result, or a FunctionError). */
final class FakeInvoker implements FunctionInvoker {
    interface Behaviour {
        String answer(JsonNode event) throws FunctionError;
    }

    final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final Behaviour behaviour;

    FakeInvoker(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    static FakeInvoker succeeding() {
        return new FakeInvoker(event -> "null");
    }

    @Override
    public byte[] invoke(String functionId, byte[] event) throws FunctionError {
        JsonNode node = Json.read(new String(event, StandardCharsets.UTF_8));
        events.add(node);
        String answer = behaviour.answer(node);
        return answer == null ? null : answer.getBytes(StandardCharsets.UTF_8);
    }

    /** Every record of every event, in invocation order. */
    List<JsonNode> records() {
        List<JsonNode> list = new ArrayList<>();
        for (JsonNode event : events) {
            event.get("Records").forEach(list::add);
        }
        return list;
    }

    /** The SQS bodies delivered, in order (a redelivered message appears again). */
    List<String> bodies() {
        return records().stream().map(r -> r.get("body").asText()).toList();
    }

    List<Integer> batchSizes() {
        return events.stream().map(e -> e.get("Records").size()).toList();
    }

    static FunctionError failure() {
        return new FunctionError(FunctionError.Kind.UNHANDLED, "java.lang.IllegalStateException", "test failure", null);
    }
}
