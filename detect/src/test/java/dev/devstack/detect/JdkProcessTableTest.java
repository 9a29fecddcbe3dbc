package dev.devstack.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JdkProcessTableTest {

    private final JdkProcessTable table = new JdkProcessTable();

    @Test
    void thisProcessIsAliveOnlyWithItsOwnStartTime() {
        ProcessInfo self = table.self();
        assertThat(self.startMillis()).isPositive();
        assertThat(table.isAlive(self.pid(), self.startMillis())).isTrue();
        assertThat(table.isAlive(self.pid(), self.startMillis() - 10_000)).isFalse();
    }

    @Test
    void anEndedProcessIsNotAlive() throws Exception {
        Process child = new ProcessBuilder("true").start();
        long pid = child.pid();
        long start = table.find(pid).map(ProcessInfo::startMillis).orElse(0L);
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(table.isAlive(pid, start)).isFalse();
    }

    @Test
    void aProcessIsDescribedWithItsCommandLine() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(table.find(child.pid())).hasValueSatisfying(info ->
                    assertThat(info.describe()).isEqualTo("pid " + child.pid() + " (" + info.commandLine()
                            + ", user " + info.user() + ")").contains("sleep 30"));
        } finally {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void detailsNameTheProgramAndItsWorkingFolder() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").directory(new File("/tmp")).start();
        try {
            assertThat(table.details(child.pid())).hasValueSatisfying(details -> {
                assertThat(details.name()).isEqualTo("sleep");
                assertThat(details.workingDir()).hasValue(Path.of("/tmp"));
                assertThat(details.info().commandLine()).contains("sleep 30");
            });
            assertThat(table.details(Long.MAX_VALUE)).isEmpty();
        } finally {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theProcessGroupOfAProcessIsReadFromProc() throws Exception {
        Process leader = new ProcessBuilder("setsid", "sleep", "30").start();
        try {
            assertThat(table.processGroup(leader.pid())).hasValue(leader.pid());
            assertThat(table.processGroup(Long.MAX_VALUE)).isEmpty();
        } finally {
            leader.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theMembersOfASessionAreFoundAfterItsLeaderEnded() throws Exception {
        Process leader = new ProcessBuilder("setsid", "sh", "-c", "sleep 30 >/dev/null 2>&1 & echo $!; exit 0").start();
        long sid = leader.pid();
        long child = Long.parseLong(new String(leader.getInputStream().readAllBytes()).trim());
        try {
            assertThat(leader.waitFor(10, TimeUnit.SECONDS)).isTrue();

            assertThat(table.sessionMembers(sid)).extracting(ProcessInfo::pid).containsExactly(child);
            assertThat(table.sessionMembers(ProcessHandle.current().pid())).isEmpty();
        } finally {
            ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
