import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver of the Bouncer benchmark: starts a zero-latency fake WhatsApp Cloud API, registers
 * live cloud-api instances pointing at it on a running host app, then measures send throughput
 * with throttling off and the gap error of the fixed and random throttles. Run by
 * {@code bench/run.sh}; JDK only, so it needs no build. Without arguments it lists its options.
 */
public final class Driver {

    private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(120);
    private static final int HISTORY_READERS = 4;
    /** Long enough for a dozen idle polls: the host's CPU use with nothing to send. */
    private static final Duration IDLE = Duration.ofSeconds(3);

    private final Options options;
    private final FakeCloudApi fake;
    private final BouncerApi api;
    private final Report report;
    private final CpuMeter cpu;
    /** Every instance gets its own phone number id, so the fake can tell them apart. */
    private final AtomicInteger nextPhoneNumberId = new AtomicInteger(1000);
    /** Every message gets its own recipient, so the fake can tell which one arrived. */
    private final AtomicInteger nextRecipient = new AtomicInteger();

    private Driver(Options options, FakeCloudApi fake, BouncerApi api) {
        this.options = options;
        this.fake = fake;
        this.api = api;
        this.report = new Report(options);
        this.cpu = new CpuMeter(options.hostPid, options.dbPid, options.ticksPerSecond);
    }

    public static void main(String[] args) throws Exception {
        // Without it the fake writes headers and body in two segments and Nagle holds the body
        // until the client's delayed ACK, about 40 ms: the fake would not be zero-latency.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Options options = Options.parse(args);
        try (FakeCloudApi fake = FakeCloudApi.start()) {
            BouncerApi api = new BouncerApi(options.bouncer, options.ownerEmail,
                    options.ownerPassword);
            new Driver(options, fake, api).run();
        }
    }

    private void run() throws Exception {
        api.createLiveKey();
        warmUp();

        for (int instances : options.instanceCounts) {
            log("throughput: %d messages over %d instance(s), throttling off",
                    options.messages, instances);
            report.throughput(throughput(instances, options.messages));
        }
        measureIdle();

        // maxQueue 100 as in the issue, or more when more messages are queued at once.
        int maxQueue = Math.max(100, options.gapMessages);
        log("gaps: fixed 200ms, %d messages", options.gapMessages);
        report.gaps(gaps("fixed", "{\"mode\":\"fixed\",\"minDelay\":\"200ms\",\"maxQueue\":"
                + maxQueue + "}", 200, 200));
        log("gaps: random 100ms..300ms, %d messages", options.gapMessages);
        report.gaps(gaps("random", "{\"mode\":\"random\",\"minDelay\":\"100ms\","
                + "\"maxDelay\":\"300ms\",\"maxQueue\":" + maxQueue + "}", 100, 300));

        writeReport();
    }

    /** Half on one instance, half on four: both shapes of the send path get compiled. */
    private void warmUp() throws Exception {
        if (options.warmup > 0) {
            log("warm-up: %d messages (not reported)", options.warmup);
            throughput(1, options.warmup / 2);
            throughput(4, options.warmup - options.warmup / 2);
        }
    }

    private void measureIdle() throws InterruptedException {
        log("idle: %d s with nothing queued", IDLE.toSeconds());
        CpuMeter.Sample start = cpu.sample();
        Thread.sleep(IDLE.toMillis());
        report.idle(cpu.sample().minus(start));
    }

    private void writeReport() throws IOException {
        String markdown = report.markdown();
        System.out.println();
        System.out.println(markdown);
        Files.createDirectories(options.out.toAbsolutePath().getParent());
        Files.writeString(options.out, markdown);
        log("written to %s", options.out);
    }

    // ---- scenario 1: throughput with throttling off ----

    private ThroughputResult throughput(int instanceCount, int messages) throws Exception {
        List<String> phones = new ArrayList<>();
        List<String> instanceIds = new ArrayList<>();
        for (int i = 0; i < instanceCount; i++) {
            String phone = String.valueOf(nextPhoneNumberId.getAndIncrement());
            phones.add(phone);
            instanceIds.add(api.registerInstance("bench-" + phone, phone, fake.baseUrl()));
        }

        CpuMeter.Sample before = cpu.sample();
        List<Accepted> accepted = sendAll(instanceIds, messages, options.concurrency);
        List<Arrival> arrivals = fake.awaitArrivals(phones, acceptedCount(accepted),
                ARRIVAL_TIMEOUT);
        CpuMeter.Sample used = cpu.sample().minus(before);

        // Per-message legs only make sense on one instance, whose sends follow one another.
        List<Timeline> timelines = instanceCount == 1 ? timelines(accepted, arrivals) : List.of();
        return ThroughputResult.of(instanceCount, messages, accepted, arrivals, timelines, used);
    }

    /** Queues the messages from {@code concurrency} threads, spread round-robin over instances. */
    private List<Accepted> sendAll(List<String> instanceIds, int messages, int concurrency)
            throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Accepted>> results = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                String instanceId = instanceIds.get(i % instanceIds.size());
                int recipient = nextRecipient.getAndIncrement();
                results.add(senders.submit(() -> api.send(instanceId, recipient)));
            }
            List<Accepted> accepted = new ArrayList<>();
            for (Future<Accepted> result : results) {
                accepted.add(result.get());
            }
            return accepted;
        } finally {
            senders.shutdownNow();
        }
    }

    // ---- scenario 2: gap error of a throttle ----

    private GapResult gaps(String mode, String throttleJson, long lowMillis, long highMillis)
            throws Exception {
        String phone = String.valueOf(nextPhoneNumberId.getAndIncrement());
        String instanceId = api.registerInstance("bench-" + mode + "-" + phone, phone,
                fake.baseUrl());
        api.setThrottling(instanceId, throttleJson);

        // One sender, so acceptance order is recipient order and FIFO can be checked.
        CpuMeter.Sample before = cpu.sample();
        List<Accepted> accepted = sendAll(List.of(instanceId), options.gapMessages, 1);
        Duration timeout = Duration.ofMillis(highMillis * options.gapMessages * 2).plusSeconds(30);
        List<Arrival> arrivals = fake.awaitArrivals(List.of(phone), acceptedCount(accepted),
                timeout);
        CpuMeter.Sample used = cpu.sample().minus(before);

        List<Timeline> timelines = timelines(accepted, arrivals);
        return GapResult.of(mode, lowMillis, highMillis, accepted, arrivals, timelines, used);
    }

    // ---- where the time goes: the host's own history timestamps ----

    /**
     * Reads the history of every message that arrived and pairs it with its arrival at the
     * fake (both on this machine's wall clock): claim, arrival, outcome; sorted by claim.
     */
    private List<Timeline> timelines(List<Accepted> accepted, List<Arrival> arrivals)
            throws Exception {
        Map<Integer, String> messageIds = new HashMap<>();
        accepted.stream().filter(Accepted::isAccepted)
                .forEach(message -> messageIds.put(message.recipient(), message.messageId()));
        ExecutorService readers = Executors.newFixedThreadPool(HISTORY_READERS);
        try {
            List<Future<Timeline>> reads = new ArrayList<>();
            for (Arrival arrival : arrivals) {
                String messageId = messageIds.get(arrival.recipient());
                reads.add(readers.submit(() -> timeline(messageId, arrival)));
            }
            List<Timeline> timelines = new ArrayList<>();
            for (Future<Timeline> read : reads) {
                Timeline timeline = read.get();
                if (timeline != null) {
                    timelines.add(timeline);
                }
            }
            timelines.sort((a, b) -> a.claimed().compareTo(b.claimed()));
            return timelines;
        } finally {
            readers.shutdownNow();
        }
    }

    private Timeline timeline(String messageId, Arrival arrival) throws Exception {
        Map<String, Instant> history = messageId == null ? Map.of() : api.history(messageId);
        boolean complete = history.containsKey("sending") && history.containsKey("sent");
        return complete ? new Timeline(history.get("sending"), arrival.wallClock(),
                history.get("sent")) : null;
    }

    private static int acceptedCount(List<Accepted> sends) {
        return (int) sends.stream().filter(Accepted::isAccepted).count();
    }

    static void log(String format, Object... args) {
        System.err.printf("[bench %s] " + format + "%n",
                prepend(LocalTime.now().truncatedTo(ChronoUnit.MILLIS), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    // ---- measurements ----

    /** One send request: when it left, when its answer came, and what it was. */
    record Accepted(int recipient, int status, String messageId, long requestNanos,
            long answerNanos, Instant answeredAt) {

        boolean isAccepted() {
            return status == 202;
        }
    }

    /** One provider call as the fake saw it. */
    record Arrival(String phoneNumberId, int recipient, long nanos, Instant wallClock) {
    }

    /** One message's way through the host: claimed, arrived at the fake, outcome recorded. */
    record Timeline(Instant claimed, Instant arrived, Instant recorded) {
    }

    /** Scenario 1 figures. */
    record ThroughputResult(int instances, int messages, int accepted, double acceptSeconds,
            double endToEndSeconds, int arrivedAfterLastAccept, double drainSeconds,
            int duplicates, int missing, List<Legs> phases, CpuMeter.Sample cpu) {

        static ThroughputResult of(int instances, int messages, List<Accepted> sends,
                List<Arrival> arrivals, List<Timeline> timelines, CpuMeter.Sample cpu) {
            List<Accepted> ok = sends.stream().filter(Accepted::isAccepted).toList();
            long firstRequest = sends.stream().mapToLong(Accepted::requestNanos).min().orElse(0);
            long firstAccept = ok.stream().mapToLong(Accepted::answerNanos).min().orElse(0);
            long lastAccept = ok.stream().mapToLong(Accepted::answerNanos).max().orElse(0);
            long lastArrival = arrivals.stream().mapToLong(Arrival::nanos).max().orElse(0);
            int afterLastAccept = (int) arrivals.stream()
                    .filter(arrival -> arrival.nanos() > lastAccept).count();
            Set<Integer> seen = new HashSet<>();
            int duplicates = (int) arrivals.stream()
                    .filter(arrival -> !seen.add(arrival.recipient())).count();
            return new ThroughputResult(instances, messages, ok.size(),
                    seconds(lastAccept - firstRequest), seconds(lastArrival - firstAccept),
                    afterLastAccept, seconds(lastArrival - lastAccept), duplicates,
                    ok.size() - seen.size(), phases(ok, timelines), cpu);
        }

        /**
         * The legs while messages were still being accepted, then in four quarters of the drain
         * that followed, each named by the queue depth it started at.
         */
        private static List<Legs> phases(List<Accepted> ok, List<Timeline> timelines) {
            if (timelines.isEmpty()) {
                return List.of();
            }
            Instant lastAccept = ok.stream().map(Accepted::answeredAt).max(Instant::compareTo)
                    .orElseThrow();
            int accepting = (int) timelines.stream()
                    .filter(t -> t.claimed().isBefore(lastAccept)).count();
            List<Legs> phases = new ArrayList<>();
            phases.add(Legs.of("while accepting", timelines.subList(0, accepting)));
            int drained = timelines.size() - accepting;
            for (int quarter = 0; quarter < 4; quarter++) {
                int from = accepting + drained * quarter / 4;
                int to = accepting + drained * (quarter + 1) / 4;
                phases.add(Legs.of("drain from depth " + (timelines.size() - from),
                        timelines.subList(from, to)));
            }
            return phases;
        }

        double acceptsPerSecond() {
            return accepted / acceptSeconds;
        }

        double sendsPerSecond() {
            return (accepted - missing) / endToEndSeconds;
        }

        double drainPerSecond() {
            return arrivedAfterLastAccept / drainSeconds;
        }
    }

    /** Scenario 2 figures, all in milliseconds; gaps are between consecutive arrivals. */
    record GapResult(String mode, long low, long high, int accepted, int arrived, boolean inOrder,
            List<Double> gaps, Legs legs, CpuMeter.Sample cpu) {

        static GapResult of(String mode, long low, long high, List<Accepted> sends,
                List<Arrival> arrivals, List<Timeline> timelines, CpuMeter.Sample cpu) {
            int accepted = (int) sends.stream().filter(Accepted::isAccepted).count();
            List<Double> gaps = new ArrayList<>();
            boolean inOrder = true;
            for (int i = 1; i < arrivals.size(); i++) {
                gaps.add((arrivals.get(i).nanos() - arrivals.get(i - 1).nanos()) / 1e6);
                inOrder &= arrivals.get(i).recipient() > arrivals.get(i - 1).recipient();
            }
            return new GapResult(mode, low, high, accepted, arrivals.size(), inOrder, gaps,
                    Legs.of(mode, timelines), cpu);
        }

        boolean isFixed() {
            return low == high;
        }

        /** Fixed: signed distance from the delay. Random: distance outside [low, high], 0 inside. */
        List<Double> errors() {
            return gaps.stream().map(gap -> isFixed() ? gap - low
                    : Math.max(0, Math.max(low - gap, gap - high))).toList();
        }

        long below() {
            return gaps.stream().filter(gap -> gap < low).count();
        }

        long above() {
            return gaps.stream().filter(gap -> gap > high).count();
        }

        /** The configured delay, or the middle of the configured range. */
        double expectedMean() {
            return (low + high) / 2.0;
        }

        /** Gaps per quarter of [low, high], with those below and above: random mode only. */
        List<Long> histogram() {
            double quarter = (high - low) / 4.0;
            List<Long> counts = new ArrayList<>(List.of(below(), 0L, 0L, 0L, 0L, above()));
            for (double gap : gaps) {
                if (gap >= low && gap <= high) {
                    int bucket = (int) Math.min(3, Math.floor((gap - low) / quarter));
                    counts.set(bucket + 1, counts.get(bucket + 1) + 1);
                }
            }
            return counts;
        }
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** Order statistics by nearest rank; with 49 gaps, p99 is the largest. */
    static final class Stats {

        private Stats() {
        }

        static double percentile(List<Double> values, double p) {
            if (values.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * sorted.size());
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
        }

        static double mean(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        static double millis(Instant from, Instant to) {
            return Duration.between(from, to).toNanos() / 1e6;
        }

    }

    /**
     * One instance's send cycle over consecutive messages, in ms: the mean time from one claim
     * to the next, and the medians of its legs (claim to arrival at the provider, arrival to
     * recorded outcome, recorded outcome to the next claim).
     */
    record Legs(String name, int samples, double cycle, double toArrival, double toOutcome,
            double toNextClaim) {

        static Legs of(String name, List<Timeline> timelines) {
            List<Double> toArrival = new ArrayList<>();
            List<Double> toOutcome = new ArrayList<>();
            List<Double> toNextClaim = new ArrayList<>();
            for (int i = 0; i < timelines.size(); i++) {
                Timeline t = timelines.get(i);
                toArrival.add(Stats.millis(t.claimed(), t.arrived()));
                toOutcome.add(Stats.millis(t.arrived(), t.recorded()));
                if (i + 1 < timelines.size()) {
                    toNextClaim.add(Stats.millis(t.recorded(), timelines.get(i + 1).claimed()));
                }
            }
            double cycle = timelines.size() < 2 ? Double.NaN : Stats.millis(timelines.get(0)
                    .claimed(), timelines.get(timelines.size() - 1).claimed())
                    / (timelines.size() - 1);
            return new Legs(name, timelines.size(), cycle, Stats.percentile(toArrival, 50),
                    Stats.percentile(toOutcome, 50), Stats.percentile(toNextClaim, 50));
        }
    }

    // ---- CPU: who used the machine during a run ----

    /**
     * CPU time of the host app, the database server (with its child processes), this driver
     * and the whole machine, read from /proc; on a shared machine the rest is other people's.
     */
    static final class CpuMeter {

        private final long hostPid;
        private final long dbPid;
        private final int ticksPerSecond;

        CpuMeter(long hostPid, long dbPid, int ticksPerSecond) {
            this.hostPid = hostPid;
            this.dbPid = dbPid;
            this.ticksPerSecond = ticksPerSecond;
        }

        Sample sample() {
            long[] machine = machineTicks();
            return new Sample(seconds(processTicks(hostPid)), seconds(treeTicks(dbPid)),
                    seconds(processTicks(ProcessHandle.current().pid())), seconds(machine[0]),
                    seconds(machine[1]), System.nanoTime() / 1e9, loadAverage());
        }

        private double seconds(long ticks) {
            return (double) ticks / ticksPerSecond;
        }

        /** Busy and total ticks of all CPUs; idle and iowait are the only idle states. */
        private static long[] machineTicks() {
            try {
                String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim()
                        .split("\\s+");
                long total = 0;
                for (int i = 1; i < fields.length && i <= 8; i++) {
                    total += Long.parseLong(fields[i]);
                }
                long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
                return new long[] {total - idle, total};
            } catch (IOException | RuntimeException e) {
                return new long[] {0, 0};
            }
        }

        /** User plus system ticks of one process, 0 when it is unknown or gone. */
        private static long processTicks(long pid) {
            String[] fields = statFields(pid);
            return fields == null ? 0 : Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        /** The process and its direct children: a PostgreSQL server and its backends. */
        private static long treeTicks(long pid) {
            if (pid <= 0) {
                return 0;
            }
            long ticks = processTicks(pid);
            try (var entries = Files.list(Path.of("/proc"))) {
                for (Path entry : entries.toList()) {
                    String name = entry.getFileName().toString();
                    if (name.chars().allMatch(Character::isDigit)) {
                        String[] fields = statFields(Long.parseLong(name));
                        if (fields != null && Long.parseLong(fields[1]) == pid) {
                            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        }
                    }
                }
            } catch (IOException e) {
                return ticks;
            }
            return ticks;
        }

        /** The fields of /proc/pid/stat after the command name: state, ppid, ... */
        private static String[] statFields(long pid) {
            if (pid <= 0) {
                return null;
            }
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private static double loadAverage() {
            try {
                return Double.parseDouble(
                        Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            } catch (IOException | RuntimeException e) {
                return Double.NaN;
            }
        }

        /** CPU seconds used between two samples; load is the one-minute average at the end. */
        record Sample(double host, double db, double driver, double machineBusy,
                double machineTotal, double wallSeconds, double load) {

            Sample minus(Sample start) {
                return new Sample(host - start.host, db - start.db, driver - start.driver,
                        machineBusy - start.machineBusy, machineTotal - start.machineTotal,
                        wallSeconds - start.wallSeconds, load);
            }

            /** Busy CPU seconds of processes other than the host, the database and the driver. */
            double others() {
                return Math.max(0, machineBusy - host - db - driver);
            }

            /** Cores' worth of CPU: seconds of CPU per second of wall clock. */
            double cores(double cpuSeconds) {
                return wallSeconds <= 0 ? Double.NaN : cpuSeconds / wallSeconds;
            }
        }
    }

    // ---- the zero-latency fake Cloud API ----

    /**
     * Answers every {@code POST /{version}/{phoneNumberId}/messages} at once with a fresh wamid
     * and records when it arrived, per phone number id.
     */
    static final class FakeCloudApi implements AutoCloseable {

        private static final Pattern PATH = Pattern.compile("/v[0-9.]+/([0-9]+)/messages");
        private static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"1555([0-9]{7})\"");

        private final HttpServer server;
        private final ExecutorService executor = Executors.newFixedThreadPool(8);
        private final Map<String, List<Arrival>> arrivals = new ConcurrentHashMap<>();
        private final AtomicLong wamids = new AtomicLong();

        private FakeCloudApi(HttpServer server) {
            this.server = server;
        }

        static FakeCloudApi start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
            FakeCloudApi fake = new FakeCloudApi(server);
            server.createContext("/", fake::handle);
            server.setExecutor(fake.executor);
            server.start();
            return fake;
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange) throws IOException {
            long nanos = System.nanoTime();
            Instant wallClock = Instant.now();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            Matcher to = TO.matcher(body);
            if (!"POST".equals(exchange.getRequestMethod()) || !path.matches() || !to.find()) {
                answer(exchange, 400, "{\"error\":{\"message\":\"unexpected request\",\"code\":100}}");
                return;
            }
            String phone = path.group(1);
            arrivals.computeIfAbsent(phone, key -> Collections.synchronizedList(new ArrayList<>()))
                    .add(new Arrival(phone, Integer.parseInt(to.group(1)), nanos, wallClock));
            answer(exchange, 200, "{\"messages\":[{\"id\":\"wamid." + wamids.incrementAndGet()
                    + "\"}]}");
        }

        private static void answer(HttpExchange exchange, int status, String json)
                throws IOException {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        /** Waits until the phones got {@code expected} calls in all, or the timeout passed. */
        List<Arrival> awaitArrivals(List<String> phones, int expected, Duration timeout)
                throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count(phones) < expected && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            if (count(phones) < expected) {
                log("timed out: %d of %d messages arrived", count(phones), expected);
            }
            List<Arrival> all = new ArrayList<>();
            for (String phone : phones) {
                List<Arrival> list = arrivals.getOrDefault(phone, List.of());
                synchronized (list) {
                    all.addAll(list);
                }
            }
            all.sort((a, b) -> Long.compare(a.nanos(), b.nanos()));
            return all;
        }

        private int count(List<String> phones) {
            return phones.stream().mapToInt(phone -> arrivals.getOrDefault(phone, List.of()).size())
                    .sum();
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    // ---- the Bouncer REST API ----

    /** The few calls of the Bouncer API the benchmark makes. */
    static final class BouncerApi {

        private static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"");
        private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
        private static final Pattern EVENT = Pattern.compile(
                "\"status\"\\s*:\\s*\"([a-z]+)\"\\s*,\\s*\"at\"\\s*:\\s*\"([^\"]+)\"");

        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final URI base;
        private final String ownerAuth;
        private volatile String key;

        BouncerApi(URI base, String ownerEmail, String ownerPassword) {
            this.base = base;
            this.ownerAuth = "Basic " + Base64.getEncoder().encodeToString(
                    (ownerEmail + ":" + ownerPassword).getBytes(StandardCharsets.UTF_8));
        }

        void createLiveKey() throws IOException, InterruptedException {
            String body = ownerCall("POST", "/api/v1/developer/keys", "{\"name\":\"bench\","
                    + "\"environment\":\"live\",\"permissions\":[\"message:send\","
                    + "\"instance:read\"]}", 201);
            key = find(KEY, body);
        }

        String registerInstance(String name, String phoneNumberId, String baseUrl)
                throws IOException, InterruptedException {
            String body = ownerCall("POST", "/api/v1/developer/instances", "{\"name\":\"" + name
                    + "\",\"environment\":\"live\",\"provider\":\"cloud-api\",\"config\":{"
                    + "\"phoneNumberId\":\"" + phoneNumberId + "\",\"accessToken\":\"bench-token\","
                    + "\"baseUrl\":\"" + baseUrl + "\"}}", 201);
            return find(ID, body);
        }

        void setThrottling(String instanceId, String json) throws IOException, InterruptedException {
            ownerCall("PUT", "/api/v1/developer/instances/" + instanceId + "/throttling", json, 200);
        }

        Accepted send(String instanceId, int recipient) throws IOException, InterruptedException {
            String to = String.format(Locale.ROOT, "+1555%07d", recipient);
            HttpRequest request = request("/api/v1/messages/send")
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"instanceId\":\"" + instanceId
                            + "\",\"to\":\"" + to + "\",\"message\":\"bench " + recipient + "\"}"))
                    .build();
            long sent = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long answered = System.nanoTime();
            Instant answeredAt = Instant.now();
            String id = response.statusCode() == 202 ? find(ID, response.body()) : null;
            return new Accepted(recipient, response.statusCode(), id, sent, answered, answeredAt);
        }

        /** When the message first entered each status. */
        Map<String, Instant> history(String messageId) throws IOException, InterruptedException {
            HttpRequest request = request("/api/v1/messages/" + messageId)
                    .header("Authorization", "Bearer " + key).GET().build();
            String body = expect(http.send(request, HttpResponse.BodyHandlers.ofString()), 200);
            Map<String, Instant> firstAt = new HashMap<>();
            Matcher event = EVENT.matcher(body);
            while (event.find()) {
                firstAt.putIfAbsent(event.group(1), Instant.parse(event.group(2)));
            }
            return firstAt;
        }

        private String ownerCall(String method, String path, String json, int expected)
                throws IOException, InterruptedException {
            HttpRequest request = request(path)
                    .header("Authorization", ownerAuth)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json))
                    .build();
            return expect(http.send(request, HttpResponse.BodyHandlers.ofString()), expected);
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        }

        private static String expect(HttpResponse<String> response, int expected) {
            if (response.statusCode() != expected) {
                throw new IllegalStateException(response.request().method() + " "
                        + response.uri().getPath() + " answered " + response.statusCode()
                        + ", expected " + expected + ": " + response.body());
            }
            return response.body();
        }

        private static String find(Pattern pattern, String body) {
            Matcher matcher = pattern.matcher(body);
            if (!matcher.find()) {
                throw new IllegalStateException("Unexpected answer: " + body);
            }
            return matcher.group(1);
        }
    }

    // ---- the results table ----

    /** Collects the figures and renders them as Markdown. */
    static final class Report {

        private final Options options;
        private final List<ThroughputResult> throughputs = new ArrayList<>();
        private final List<GapResult> gaps = new ArrayList<>();
        private CpuMeter.Sample idle;

        Report(Options options) {
            this.options = options;
        }

        void throughput(ThroughputResult result) {
            throughputs.add(result);
        }

        void gaps(GapResult result) {
            gaps.add(result);
        }

        void idle(CpuMeter.Sample sample) {
            idle = sample;
        }

        String markdown() {
            StringBuilder md = new StringBuilder();
            md.append("# Bouncer benchmark, ").append(options.db).append(", ")
                    .append(LocalDate.now()).append("\n\n");
            md.append(options.environment.isBlank() ? "" : options.environment + "\n\n");
            md.append(String.format(Locale.ROOT, "Settings: %d messages per throughput run, "
                    + "%d concurrent senders, %d warm-up messages, %d messages per gap run.%n%n",
                    options.messages, options.concurrency, options.warmup, options.gapMessages));
            appendThroughput(md);
            appendCpu(md);
            appendCycles(md);
            appendGaps(md);
            return md.toString();
        }

        private void appendThroughput(StringBuilder md) {
            md.append("## Throughput, throttling off, zero-latency fake\n\n");
            md.append("| instances | accepted | accept phase s | accepts/s | first accept → last "
                    + "arrival s | sends/s | sent after last accept | drain sends/s | duplicates "
                    + "| missing |\n");
            md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (ThroughputResult r : throughputs) {
                md.append(String.format(Locale.ROOT,
                        "| %d | %d / %d | %.2f | %.0f | %.2f | %.0f | %d | %.0f | %d | %d |%n",
                        r.instances(), r.accepted(), r.messages(), r.acceptSeconds(),
                        r.acceptsPerSecond(), r.endToEndSeconds(), r.sendsPerSecond(),
                        r.arrivedAfterLastAccept(), r.drainPerSecond(), r.duplicates(),
                        r.missing()));
            }
            md.append("\n");
        }

        /** Who used the cores: on a shared machine, "others" is someone else's build. */
        private void appendCpu(StringBuilder md) {
            md.append("## CPU during each run\n\n");
            md.append("Cores' worth of CPU (CPU seconds per wall-clock second) used by the host "
                    + "app, the database server, this driver with its fake, and every other "
                    + "process on the machine; load is the one-minute load average at the end. "
                    + "CPU per message only for the throughput runs: in a gap run the host mostly "
                    + "waits, and what it burns is JIT compilation and background work.\n\n");
            md.append("| run | wall s | host CPU ms/msg | db CPU ms/msg | host | db | driver | "
                    + "others | load |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (ThroughputResult r : throughputs) {
                appendCpuRow(md, "throughput, " + r.instances() + " instance", r.cpu(),
                        r.accepted());
            }
            if (idle != null) {
                appendCpuRow(md, "idle, nothing queued", idle, 0);
            }
            for (GapResult g : gaps) {
                appendCpuRow(md, "gaps, " + g.mode(), g.cpu(), 0);
            }
            md.append("\n");
        }

        private static void appendCpuRow(StringBuilder md, String run, CpuMeter.Sample cpu,
                int messages) {
            String hostPerMessage = messages == 0 ? "–"
                    : String.format(Locale.ROOT, "%.1f", cpu.host() * 1000 / messages);
            String dbPerMessage = messages == 0 ? "–"
                    : String.format(Locale.ROOT, "%.1f", cpu.db() * 1000 / messages);
            md.append(String.format(Locale.ROOT,
                    "| %s | %.1f | %s | %s | %.2f | %.2f | %.2f | %.2f | %.1f |%n", run,
                    cpu.wallSeconds(), hostPerMessage, dbPerMessage, cpu.cores(cpu.host()),
                    cpu.cores(cpu.db()), cpu.cores(cpu.driver()), cpu.cores(cpu.others()),
                    cpu.load()));
        }

        private void appendCycles(StringBuilder md) {
            md.append("## Where a send's time goes, one instance (ms)\n\n");
            md.append("Claim and outcome are the `sending` and `sent` times in each message's "
                    + "history, arrival is when the fake got the call (same wall clock). Cycle is "
                    + "the mean time from one claim to the next; the legs are medians. A throttled "
                    + "claim is made up to 50 ms before its slot (CLAIM_LEAD) and the worker waits "
                    + "for the slot, so in the gap runs claim → arrival includes that wait.\n\n");
            md.append("| run | phase | messages | cycle | claim → arrival | arrival → outcome "
                    + "recorded | outcome recorded → next claim |\n"
                    + "|---|---|---:|---:|---:|---:|---:|\n");
            for (ThroughputResult r : throughputs) {
                for (Legs phase : r.phases()) {
                    appendLegs(md, "throughput, " + r.instances() + " instance", phase);
                }
            }
            for (GapResult g : gaps) {
                appendLegs(md, "gaps", g.legs());
            }
            md.append("\n");
        }

        private static void appendLegs(StringBuilder md, String run, Legs legs) {
            if (legs.samples() == 0) {
                return;
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f | %.1f |%n",
                    run, legs.name(), legs.samples(), legs.cycle(), legs.toArrival(),
                    legs.toOutcome(), legs.toNextClaim()));
        }

        private void appendGaps(StringBuilder md) {
            md.append("## Gap error, one instance (ms)\n\n");
            md.append("Gaps between consecutive arrivals at the fake (System.nanoTime). Error: "
                    + "fixed = gap − delay (negative: shorter than configured); random = distance "
                    + "outside [minDelay, maxDelay], 0 inside. Nearest-rank percentiles: with "
                    + "fewer than 100 gaps p99 is the largest.\n\n");
            md.append("| mode | series | n | min | p50 | p99 | max | mean |\n"
                    + "|---|---|---:|---:|---:|---:|---:|---:|\n");
            for (GapResult g : gaps) {
                String mode = g.isFixed() ? g.mode() + " " + g.low() + "ms"
                        : g.mode() + " " + g.low() + "–" + g.high() + "ms";
                appendRow(md, mode, "gap", g.gaps());
                appendRow(md, mode, "error", g.errors());
            }
            md.append("\n");
            for (GapResult g : gaps) {
                md.append(String.format(Locale.ROOT, "- %s: %d accepted, %d arrived, FIFO order "
                        + "%s; mean gap %.1f ms (%s %.0f ms); %d of %d gaps below %d ms, %d above "
                        + "%d ms.%n", g.mode(), g.accepted(), g.arrived(),
                        g.inOrder() ? "kept" : "BROKEN", Stats.mean(g.gaps()),
                        g.isFixed() ? "configured" : "middle of the range", g.expectedMean(),
                        g.below(), g.gaps().size(), g.low(), g.above(), g.high()));
                if (!g.isFixed()) {
                    List<Long> h = g.histogram();
                    double q = (g.high() - g.low()) / 4.0;
                    md.append(String.format(Locale.ROOT, "  Random gaps by range: below %d: %d; "
                            + "%d–%.0f: %d; %.0f–%.0f: %d; %.0f–%.0f: %d; %.0f–%d: %d; above %d: "
                            + "%d.%n", g.low(), h.get(0), g.low(), g.low() + q, h.get(1),
                            g.low() + q, g.low() + 2 * q, h.get(2), g.low() + 2 * q,
                            g.low() + 3 * q, h.get(3), g.low() + 3 * q, g.high(), h.get(4),
                            g.high(), h.get(5)));
                }
            }
        }

        private static void appendRow(StringBuilder md, String mode, String series,
                List<Double> values) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f | %.1f | "
                    + "%.1f |%n", mode, series, values.size(), Stats.percentile(values, 0),
                    Stats.percentile(values, 50), Stats.percentile(values, 99),
                    Stats.percentile(values, 100), Stats.mean(values)));
        }
    }

    // ---- command line ----

    /** Command-line options, {@code --name=value}. */
    static final class Options {

        URI bouncer;
        String ownerEmail;
        String ownerPassword;
        String db = "h2";
        String environment = "";
        Path out = Path.of("bench/results/" + LocalDate.now() + "-h2.md");
        int messages = 2000;
        List<Integer> instanceCounts = List.of(1, 4);
        int concurrency = 8;
        int warmup = 600;
        int gapMessages = 50;
        long hostPid;
        long dbPid;
        int ticksPerSecond = 100;

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    usage("unexpected argument " + arg);
                }
                values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            Options options = new Options();
            options.bouncer = URI.create(required(values, "bouncer"));
            options.ownerEmail = required(values, "owner-email");
            options.ownerPassword = required(values, "owner-password");
            options.db = values.getOrDefault("db", options.db);
            options.environment = values.getOrDefault("environment", "");
            options.out = Path.of(values.getOrDefault("out", options.out.toString()));
            options.messages = integer(values, "messages", options.messages);
            options.concurrency = integer(values, "concurrency", options.concurrency);
            options.warmup = integer(values, "warmup", options.warmup);
            options.gapMessages = integer(values, "gap-messages", options.gapMessages);
            options.hostPid = integer(values, "host-pid", 0);
            options.dbPid = integer(values, "db-pid", 0);
            options.ticksPerSecond = integer(values, "clock-ticks", options.ticksPerSecond);
            if (values.containsKey("instances")) {
                options.instanceCounts = List.of(values.get("instances").split(",")).stream()
                        .map(String::trim).map(Integer::parseInt).toList();
            }
            return options;
        }

        private static String required(Map<String, String> values, String name) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                usage("--" + name + " is required");
            }
            return value;
        }

        private static int integer(Map<String, String> values, String name, int fallback) {
            return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
        }

        private static void usage(String problem) {
            System.err.println(problem);
            System.err.println("usage: java bench/Driver.java --bouncer=http://127.0.0.1:8080 "
                    + "--owner-email=... --owner-password=... [--db=h2] [--out=file.md] "
                    + "[--messages=2000] [--instances=1,4] [--concurrency=8] [--warmup=600] "
                    + "[--gap-messages=50] [--environment=text] "
                    + "[--host-pid=N] [--db-pid=N] [--clock-ticks=100]");
            System.exit(2);
        }
    }
}
