package vn.smartprovince.dossiers.submit;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import vn.smartprovince.dossiers.Fixtures;
import vn.smartprovince.dossiers.core.DocumentStore;
import vn.smartprovince.dossiers.core.MapDossierStore;
import vn.smartprovince.dossiers.core.Profiles;
import vn.smartprovince.shared.province.DocumentType;
import vn.smartprovince.testkit.bench.WarmCall;
import vn.smartprovince.testkit.bench.WarmRoute;

/**
 * Warm overhead of {@code POST /v1/dossiers} on events/dossiers-submit.json (a birth registration
 * citing one upload): the form validated against the demo province's procedure, routed, the
 * cited upload "verified" and "copied" by a fake document store, the dossier created in memory.
 * Each call has its own Idempotency-Key. Run by infra/bin/benchmark-warm, never as a test.
 */
@State(Scope.Benchmark)
public class SubmitDossierBenchmark {
    private WarmCall call;

    @Setup
    public void setUp() {
        call = WarmCall.of(handler(), "dossiers-submit.json").varyingHeader("idempotency-key")
                .freshHandlerEvery(1024, SubmitDossierBenchmark::handler).expectStatus(201);
    }

    private static SubmitDossierHandler handler() {
        Profiles profiles = userId -> Optional.of(new Profiles.Profile("Nguyễn Văn An", "84901234567"));
        return new SubmitDossierHandler(new SubmitDossier(new MapDossierStore(), new Uploads(), profiles,
                Clock.fixed(Fixtures.NOW, ZoneOffset.UTC)), () -> Fixtures.CONFIG);
    }

    @Benchmark
    @WarmRoute(function = "DossierSubmitFunction", route = "POST /v1/dossiers")
    public int submit() {
        return call.invoke();
    }

    /** Every pending upload of its owner exists, a 180 KB JPEG; attaching renames it under the dossier. */
    static final class Uploads implements DocumentStore {
        @Override
        public List<Uploaded> verify(String ownerId, List<String> fileKeys, String fieldPrefix) {
            return fileKeys.stream().map(key -> {
                if (!key.startsWith("dossier-documents/pending/" + ownerId + "/")) {
                    throw new IllegalArgumentException("not an upload of " + ownerId + ": " + key);
                }
                return new Uploaded(key, DocumentType.JPEG, 180_000);
            }).toList();
        }

        @Override
        public List<String> attach(String dossierId, List<Uploaded> uploads) {
            return uploads.stream().map(u -> "dossier-documents/dossiers/" + dossierId + "/"
                    + u.fileKey().substring(u.fileKey().lastIndexOf('/') + 1)).toList();
        }

        @Override
        public Upload createUpload(String ownerId, DocumentType type, long bytes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String downloadUrl(String fileKey, Duration ttl) {
            throw new UnsupportedOperationException();
        }
    }
}
