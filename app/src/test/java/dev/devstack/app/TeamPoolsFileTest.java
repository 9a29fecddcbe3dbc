package dev.devstack.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devstack.store.PortPool;
import dev.devstack.store.TeamPools;
import dev.devstack.supervisor.DevstackException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeamPoolsFileTest {

    @TempDir
    Path folder;

    @Test
    void usersAndProjectsGetTheirRangesAndAProjectsPoolWins() throws IOException {
        Path file = Files.writeString(folder.resolve("pools.yaml"), """
                users:
                  alice: 20000-20999
                  bob: 21000 - 21999
                projects:
                  shop: 22000-22099
                """);

        TeamPools pools = TeamPoolsFile.read(file);

        assertThat(pools.poolOf("alice", "blog")).contains(new PortPool("the pool of user alice", 20000, 20999));
        assertThat(pools.poolOf("bob", "blog").orElseThrow().range()).isEqualTo("21000-21999");
        assertThat(pools.poolOf("alice", "shop")).contains(new PortPool("the pool of project shop", 22000, 22099));
        assertThat(pools.poolOf("carol", "blog")).isEmpty();
    }

    @Test
    void wrongRangesOverlapsAndUnknownSectionsAreEachNamedByLine() throws IOException {
        Path file = Files.writeString(folder.resolve("pools.yaml"), """
                users:
                  alice: 20000-20999
                  bob: 20500-21500
                  carol: 9-3
                teams:
                  web: 1-2
                """);

        assertThatThrownBy(() -> TeamPoolsFile.read(file))
                .isInstanceOfSatisfying(DevstackException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly(
                                file + ":3:8: the pool of user bob (20500-21500) overlaps the pool of user alice"
                                        + " (20000-20999)",
                                file + ":4:10: users.carol: not a range of ports FIRST-LAST (such as 20000-20999)",
                                file + ":5:1: `teams` is not a section of a pools file; it has `users:` and `projects:`"));
    }
}
