package vn.smartprovince.notifications.dispatch;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;

/**
 * How many connections the functions' DynamoDB client opens when the dispatcher's jobs write at once:
 * the client as {@link AwsClients} builds it (url-connection) against a local endpoint that answers
 * every call after 3 ms, in bursts of {@code inFlight} concurrent PutItems 50 ms apart (the claims,
 * a Zalo send, the records). Each connection opened is a TCP and TLS handshake on AWS. Counted by the
 * clients' ports. The JDK reads its keep-alive limit once per JVM, so {@link DispatcherCapacityBenchmark}
 * runs this in a JVM of its own per setting: {@code <inFlight> <bursts> <keepAlive: true|false>}.
 */
final class DynamoDbConnectionReuse {
    private DynamoDbConnectionReuse() {
    }

    public static void main(String[] args) throws Exception {
        int inFlight = Integer.parseInt(args[0]);
        int bursts = Integer.parseInt(args[1]);
        if (Boolean.parseBoolean(args[2])) {
            DispatchWiring.keepAliveConnections(inFlight);
        }
        Set<Integer> ports = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            ports.add(exchange.getRemoteAddress().getPort());
            exchange.getRequestBody().readAllBytes();
            pause(3);
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        DynamoDbClient dynamo = AwsClients.dynamoDb(new Env(Map.of("AWS_REGION", "ap-southeast-1",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:" + server.getAddress().getPort(),
                "AWS_ACCESS_KEY_ID", "probe", "AWS_SECRET_ACCESS_KEY", "probe")));
        ExecutorService jobs = DispatchWiring.pool(inFlight);
        for (int burst = 0; burst < bursts; burst++) {
            List<Future<?>> writes = new ArrayList<>();
            for (int job = 0; job < inFlight; job++) {
                String key = "NOTIFICATION#probe-" + burst + "-" + job;
                writes.add(jobs.submit(() -> dynamo.putItem(b -> b.tableName("probe")
                        .item(Map.of("pk", AttributeValue.fromS(key), "sk", AttributeValue.fromS("DELIVERY"))))));
            }
            for (Future<?> write : writes) {
                write.get();
            }
            pause(50);
        }
        System.out.printf("%d jobs in flight, %d calls: %d connections opened (http.maxConnections %s)%n", inFlight,
                inFlight * bursts, ports.size(), System.getProperty(DispatchWiring.HTTP_MAX_CONNECTIONS, "unset: 5"));
        server.stop(0);
        System.exit(0);
    }

    private static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
