package vn.smartprovince.shared.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.smartprovince.shared.json.Json;

class BatchItemFailuresTest {
    @Test
    void namesEachFailedItemInOrder() {
        assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"300\"},{\"itemIdentifier\":\"400\"}]}",
                Json.write(BatchItemFailures.answer(List.of("300", "400"))));
    }

    @Test
    void aBatchWithoutFailuresAnswersAnEmptyList() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchItemFailures.write(out, List.of());
        assertEquals("{\"batchItemFailures\":[]}", out.toString(StandardCharsets.UTF_8));
    }
}
