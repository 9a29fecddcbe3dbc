package dev.devstack.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The floor under a registry commit on this disk, without MapDB or devstack: write {@code blocks}
 * blocks of 4 KiB to a new file, flush it, rename it over the last one and flush the folder, as
 * RegistryFile.replace does. 1 block is the least any such commit writes; 180 is what a young
 * registry's copy holds once its zeros are left out.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CommitFloorBenchmark {

    @Param({"1", "180"})
    int blocks;

    private TempFolder folder;
    private ByteBuffer block;

    @Setup(Level.Trial)
    public void createFolder() {
        folder = TempFolder.create("devstack-jmh-floor-");
        block = ByteBuffer.allocateDirect(4096);
        while (block.hasRemaining()) {
            block.put((byte) 'x');
        }
    }

    @TearDown(Level.Trial)
    public void deleteFolder() {
        folder.close();
    }

    @Benchmark
    public long writeFlushRename() throws IOException {
        Path next = folder.path().resolve("file.next");
        try (FileChannel file = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int i = 0; i < blocks; i++) {
                block.rewind();
                while (block.hasRemaining()) {
                    file.write(block);
                }
            }
            file.force(true);
        }
        Files.move(next, folder.path().resolve("file"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(folder.path(), StandardOpenOption.READ)) {
            dir.force(true);
        }
        return Files.size(folder.path().resolve("file"));
    }
}
