package org.parley.tools.sim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The server's heap in use and live threads, read from its Prometheus endpoint ({@code /metrics} on WildFly's
 * management port: Micrometer's {@code jvm_memory_used_bytes{area="heap"}} and {@code jvm_threads_live_threads}).
 *
 * @param heapBytes heap in use, summed over the heap's pools
 * @param threads   live threads
 */
public record ServerFigures(long heapBytes, int threads) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The figures now, or null when the endpoint cannot be read (a server without it, like the bare floor; "none"). */
    public static ServerFigures read(URI metrics) {
        if (!metrics.isAbsolute()) {
            return null;
        }
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? parse(response.body()) : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** From Prometheus' text format; null when neither figure is there. */
    static ServerFigures parse(String text) {
        double heap = 0;
        double threads = -1;
        for (String line : text.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                heap += value(line);
            } else if (line.startsWith("jvm_threads_live_threads")) {
                threads = value(line);
            }
        }
        return heap == 0 && threads < 0 ? null : new ServerFigures((long) heap, (int) threads);
    }

    private static double value(String line) {
        try {
            return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
