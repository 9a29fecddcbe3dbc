package dev.devstack.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LeaseRegistry} backend promises, through the public API alone: a backend's
 * test extends this class and says how to open its registry. The supervisor relies on each of
 * these properties whichever backend is configured.
 *
 * <p>"Another instance" is a second handle on the same registry, as another devstack process on
 * this host would open it. The handle that wrote stays open while the other reads, since a team
 * registry may let a closed handle's process-bound leases expire.
 */
public abstract class LeaseRegistryContract {

    private static final String SHOP = "/projects/shop";
    private static final int THREADS = 8;
    private static final int CLAIMS_PER_THREAD = 25;
    /** Fewer than the claims, to keep the contract within seconds: on MapDB each increment writes the file. */
    private static final int INCREMENTS_PER_THREAD = 10;
    private static final int FIRST_PORT = 20_000;
    /** Few updates of many events, so that a remote backend fills its log in a few round trips. */
    private static final int EVENTS_PER_UPDATE = 2_000;

    private final List<LeaseRegistry> opened = new ArrayList<>();

    /**
     * Opens a handle on this test's registry. The first call of a test finds the registry empty
     * (a new home folder, a new namespace: JUnit makes a new instance of the test class for each
     * test); every later call of the same test opens another handle on that same registry, with
     * the same host identity. Called from the test's thread only; the contract closes each handle
     * it opened after the test, after the subclass's own {@code @AfterEach} methods.
     */
    protected abstract LeaseRegistry newRegistry();

    private LeaseRegistry registry() {
        LeaseRegistry registry = newRegistry();
        opened.add(registry);
        return registry;
    }

    @AfterEach
    void closeEveryRegistryOpened() {
        Collections.reverse(opened);
        opened.forEach(LeaseRegistry::close);
    }

    @Test
    void committedLeasesStickyPortsAndProcessRecordsAreReadBackByAnotherInstance() {
        Lease api = lease(owner("api", "metrics"), 4012, 77);
        Lease manual = new Lease(LeaseOwner.manual("ci-db"), 5432, 0, 0, "dev", Instant.ofEpochMilli(1_000),
                Optional.of(Instant.ofEpochMilli(90_000)));
        StickyPort sticky = new StickyPort(api.owner(), 4012, Instant.ofEpochMilli(2_000));
        ProcessRecord apiProcess = process("api", 4242, 3_000);
        LeaseRegistry writer = registry();
        writer.update(tx -> {
            tx.putLease(api);
            tx.putLease(manual);
            tx.remember(sticky);
            tx.recordProcess(apiProcess);
            return null;
        });

        registry().read(view -> {
            assertThat(view.leases()).containsExactlyInAnyOrder(api, manual);
            assertThat(view.lease(api.owner())).contains(api);
            assertThat(view.lease(manual.owner())).contains(manual);
            assertThat(view.stickyPorts()).containsExactly(sticky);
            assertThat(view.sticky(api.owner())).contains(sticky);
            assertThat(view.processes()).containsExactly(apiProcess);
            return null;
        });
    }

    @Test
    void anUpdateWhoseWorkThrowsLeavesNothingBehindAndThrowsThatException() {
        Lease api = lease(owner("api", ""), 4012, 77);
        StickyPort sticky = new StickyPort(api.owner(), 4012, Instant.ofEpochMilli(2_000));
        LeaseRegistry registry = registry();
        registry.update(tx -> {
            tx.putLease(api);
            tx.remember(sticky);
            return null;
        });
        IllegalStateException failure = new IllegalStateException("planner gave up");

        assertThatThrownBy(() -> registry.update(tx -> {
            tx.removeLease(api.owner());
            tx.putLease(lease(owner("web", ""), 4013, 78));
            tx.remember(new StickyPort(api.owner(), 4999, Instant.ofEpochMilli(5_000)));
            tx.recordProcess(process("web", 4243, 3_000));
            tx.record(event(1, "claimed in vain"));
            throw failure;
        })).isSameAs(failure);

        for (LeaseRegistry reader : List.of(registry, registry())) {
            reader.read(view -> {
                assertThat(view.leases()).containsExactly(api);
                assertThat(view.stickyPorts()).containsExactly(sticky);
                assertThat(view.processes()).isEmpty();
                assertThat(view.events()).isEmpty();
                return null;
            });
        }
    }

    @Test
    void readsInsideAnUpdateSeeItsOwnWrites() {
        Lease api = lease(owner("api", ""), 4012, 77);
        Lease web = lease(owner("web", ""), 4013, 78);
        StickyPort sticky = new StickyPort(web.owner(), 4013, Instant.ofEpochMilli(2_000));
        ProcessRecord webProcess = process("web", 4243, 3_000);
        LeaseRegistry registry = registry();
        registry.update(tx -> {
            tx.putLease(api);
            return null;
        });

        registry.update(tx -> {
            assertThat(tx.leases()).containsExactly(api);
            tx.putLease(web);
            assertThat(tx.leases()).containsExactlyInAnyOrder(api, web);
            assertThat(tx.lease(web.owner())).contains(web);
            tx.removeLease(api.owner());
            assertThat(tx.leases()).containsExactly(web);
            assertThat(tx.lease(api.owner())).isEmpty();
            tx.remember(sticky);
            assertThat(tx.stickyPorts()).containsExactly(sticky);
            assertThat(tx.sticky(web.owner())).contains(sticky);
            tx.recordProcess(webProcess);
            assertThat(tx.processes()).containsExactly(webProcess);
            tx.forgetProcess(SHOP, "default", "web", 4243);
            assertThat(tx.processes()).isEmpty();
            tx.record(event(1, "claimed web"));
            assertThat(tx.events()).containsExactly(event(1, "claimed web"));
            assertThat(tx.sweep(lease -> false)).containsExactly(web);
            assertThat(tx.leases()).isEmpty();
            return null;
        });

        registry().read(view -> {
            assertThat(view.leases()).isEmpty();
            assertThat(view.stickyPorts()).containsExactly(sticky);
            assertThat(view.events()).containsExactly(event(1, "claimed web"));
            return null;
        });
    }

    /** `down` releases a stack's leases; the ports stay its owners' to take again at the next `up`. */
    @Test
    void removeLeaseReleasesThatOwnersLeaseAndKeepsItsStickyPort() {
        Lease api = lease(owner("api", ""), 4012, 77);
        Lease web = lease(owner("web", ""), 4013, 78);
        StickyPort sticky = new StickyPort(api.owner(), 4012, Instant.ofEpochMilli(2_000));
        LeaseRegistry registry = registry();
        registry.update(tx -> {
            tx.putLease(api);
            tx.putLease(web);
            tx.remember(sticky);
            return null;
        });

        registry.update(tx -> {
            tx.removeLease(api.owner());
            return null;
        });
        registry.update(tx -> {
            tx.removeLease(api.owner());
            tx.removeLease(owner("worker", ""));
            return null;
        });

        registry().read(view -> {
            assertThat(view.leases()).containsExactly(web);
            assertThat(view.lease(api.owner())).isEmpty();
            assertThat(view.sticky(api.owner())).contains(sticky);
            return null;
        });
    }

    @Test
    void aLeaseIsHeldPerProjectInstanceServiceAndPortName() {
        List<LeaseOwner> owners = distinctOwners();
        LeaseRegistry registry = registry();
        registry.update(tx -> {
            for (int i = 0; i < owners.size(); i++) {
                tx.putLease(lease(owners.get(i), 4000 + i, 77));
            }
            tx.putLease(lease(owners.get(0), 4100, 88));
            return null;
        });

        registry().read(view -> {
            assertThat(view.leases()).hasSize(owners.size());
            assertThat(view.lease(owners.get(0))).contains(lease(owners.get(0), 4100, 88));
            for (int i = 1; i < owners.size(); i++) {
                assertThat(view.lease(owners.get(i))).contains(lease(owners.get(i), 4000 + i, 77));
            }
            return null;
        });
    }

    @Test
    void aStickyPortIsKeptPerProjectInstanceServiceAndPortName() {
        List<LeaseOwner> owners = distinctOwners();
        LeaseRegistry registry = registry();
        registry.update(tx -> {
            for (int i = 0; i < owners.size(); i++) {
                tx.remember(new StickyPort(owners.get(i), 4000 + i, Instant.ofEpochMilli(1_000)));
            }
            return null;
        });
        registry.update(tx -> {
            tx.remember(new StickyPort(owners.get(0), 4100, Instant.ofEpochMilli(9_000)));
            return null;
        });

        registry().read(view -> {
            assertThat(view.stickyPorts()).hasSize(owners.size());
            assertThat(view.sticky(owners.get(0)))
                    .contains(new StickyPort(owners.get(0), 4100, Instant.ofEpochMilli(9_000)));
            for (int i = 1; i < owners.size(); i++) {
                assertThat(view.sticky(owners.get(i)))
                        .contains(new StickyPort(owners.get(i), 4000 + i, Instant.ofEpochMilli(1_000)));
            }
            return null;
        });
    }

    @Test
    void lookupsOfAnOwnerTheRegistryDoesNotKnowFindNothing() {
        LeaseRegistry registry = registry();
        registry.read(view -> {
            assertThat(view.lease(owner("api", ""))).isEmpty();
            assertThat(view.sticky(owner("api", ""))).isEmpty();
            assertThat(view.leases()).isEmpty();
            assertThat(view.stickyPorts()).isEmpty();
            assertThat(view.processes()).isEmpty();
            assertThat(view.events()).isEmpty();
            return null;
        });
        registry.update(tx -> {
            tx.putLease(lease(owner("api", ""), 4012, 77));
            tx.remember(new StickyPort(owner("api", ""), 4012, Instant.ofEpochMilli(1_000)));
            return null;
        });

        LeaseOwner otherInstance = new LeaseOwner(SHOP, "second", "api", "");
        registry().read(view -> {
            assertThat(view.lease(otherInstance)).isEmpty();
            assertThat(view.sticky(otherInstance)).isEmpty();
            assertThat(view.lease(LeaseOwner.manual("api"))).isEmpty();
            return null;
        });
    }

    /** A restarted service has a record per process; forgetting one by its pid keeps the other. */
    @Test
    void processRecordsAreKeptUntilForgottenByTheirPid() {
        ProcessRecord first = process("api", 4242, 3_000);
        ProcessRecord restarted = process("api", 4250, 4_000);
        ProcessRecord web = process("web", 4243, 3_001);
        LeaseRegistry registry = registry();
        registry.update(tx -> {
            tx.recordProcess(first);
            tx.recordProcess(restarted);
            tx.recordProcess(web);
            return null;
        });

        registry.update(tx -> {
            tx.forgetProcess(SHOP, "default", "api", 4242);
            tx.forgetProcess(SHOP, "default", "web", 9999);
            tx.forgetProcess(SHOP, "second", "web", 4243);
            return null;
        });

        assertThat(registry().read(RegistryView::processes)).containsExactlyInAnyOrder(restarted, web);
    }

    @Test
    void sweepRemovesAndReturnsOnlyTheLeasesItsPredicateSaysAreDead() {
        Lease api = lease(owner("api", ""), 4012, 77);
        Lease web = lease(owner("web", ""), 4013, 78);
        Lease worker = lease(owner("worker", ""), 4014, 79);
        LeaseRegistry registry = registry();
        registry.update(tx -> {
            tx.putLease(api);
            tx.putLease(web);
            tx.putLease(worker);
            return null;
        });

        List<Lease> swept = registry.update(tx -> tx.sweep(lease -> lease.pid() == 78));
        List<Lease> sweptAgain = registry.update(tx -> tx.sweep(lease -> lease.pid() == 78));

        assertThat(swept).containsExactlyInAnyOrder(api, worker);
        assertThat(sweptAgain).isEmpty();
        assertThat(registry().read(RegistryView::leases)).containsExactly(web);
    }

    @Test
    void theAuditLogKeepsTheNewestEventsInOrder() {
        int written = RegistryEvent.KEPT + 5;
        LeaseRegistry registry = registry();
        for (int from = 0; from < written; from += EVENTS_PER_UPDATE) {
            int first = from;
            registry.update(tx -> {
                IntStream.range(first, Math.min(first + EVENTS_PER_UPDATE, written))
                        .forEach(i -> tx.record(event(i, "event " + i)));
                return null;
            });
        }
        RegistryEvent kill = new RegistryEvent(Instant.ofEpochMilli(99_999_999), RegistryEvent.Kind.KILL, 3000, "", 88,
                "dev", "SIGTERM to process group 88");
        registry.update(tx -> {
            tx.record(kill);
            return null;
        });

        List<RegistryEvent> expected = new ArrayList<>();
        IntStream.range(written + 1 - RegistryEvent.KEPT, written).forEach(i -> expected.add(event(i, "event " + i)));
        expected.add(kill);
        assertThat(registry().read(RegistryView::events)).containsExactlyElementsOf(expected);
    }

    /** Two `up`s that plan at once: each claim reads every lease and takes the lowest port none holds. */
    @Test
    void concurrentClaimsOfTheLowestFreePortNeverShareAPortNorLoseOne() throws Exception {
        Map<LeaseOwner, Integer> claimed = Collections.synchronizedMap(new HashMap<>());
        inParallel((thread, registry) -> {
            for (int i = 0; i < CLAIMS_PER_THREAD; i++) {
                LeaseOwner owner = owner("s" + thread + "-" + i, "");
                int port = registry.update(tx -> {
                    Set<Integer> held = new HashSet<>();
                    tx.leases().forEach(lease -> held.add(lease.port()));
                    int free = FIRST_PORT;
                    while (held.contains(free)) {
                        free++;
                    }
                    tx.putLease(lease(owner, free, 77));
                    return free;
                });
                claimed.put(owner, port);
            }
        });

        int claims = THREADS * CLAIMS_PER_THREAD;
        assertThat(claimed.values()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.range(FIRST_PORT, FIRST_PORT + claims).boxed().toList());
        List<Lease> leases = registry().read(RegistryView::leases);
        assertThat(leases).hasSize(claims)
                .allSatisfy(lease -> assertThat(lease.port()).isEqualTo(claimed.get(lease.owner())));
    }

    @Test
    void concurrentIncrementsThroughUpdateNeverLoseOne() throws Exception {
        LeaseOwner counter = owner("counter", "");
        inParallel((thread, registry) -> {
            for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
                registry.update(tx -> {
                    int value = tx.sticky(counter).map(StickyPort::port).orElse(0);
                    tx.remember(new StickyPort(counter, value + 1, Instant.ofEpochMilli(1_000)));
                    return null;
                });
            }
        });

        assertThat(registry().read(view -> view.sticky(counter)).map(StickyPort::port))
                .contains(THREADS * INCREMENTS_PER_THREAD);
    }

    /** Runs {@code work} on {@link #THREADS} threads at once, each with a registry handle of its own. */
    private void inParallel(RegistryWork work) throws Exception {
        List<LeaseRegistry> handles = IntStream.range(0, THREADS).mapToObj(i -> registry()).toList();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int thread = i;
                running.add(pool.submit(() -> {
                    assertThat(start.await(30, TimeUnit.SECONDS)).isTrue();
                    work.run(thread, handles.get(thread));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> thread : running) {
                thread.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @FunctionalInterface
    private interface RegistryWork {
        void run(int thread, LeaseRegistry registry) throws Exception;
    }

    /** Owners that differ from the first in exactly one part, and a claim by hand named like its service. */
    private static List<LeaseOwner> distinctOwners() {
        return List.of(owner("api", ""), new LeaseOwner("/projects/shop-copy", "default", "api", ""),
                new LeaseOwner(SHOP, "second", "api", ""), owner("web", ""), owner("api", "metrics"),
                LeaseOwner.manual("api"));
    }

    private static LeaseOwner owner(String service, String portName) {
        return new LeaseOwner(SHOP, "default", service, portName);
    }

    private static Lease lease(LeaseOwner owner, int port, long pid) {
        return new Lease(owner, port, pid, 42L, "dev", Instant.ofEpochMilli(1_000));
    }

    private static ProcessRecord process(String service, long pid, long startedMillis) {
        return new ProcessRecord(SHOP, "default", service, pid, pid + 1_000, 77, 55,
                Instant.ofEpochMilli(startedMillis));
    }

    private static RegistryEvent event(int number, String detail) {
        return new RegistryEvent(Instant.ofEpochMilli(number), RegistryEvent.Kind.CLAIM, 20_000 + number % 100,
                "claim \"ci\"", 77, "dev", detail);
    }
}
