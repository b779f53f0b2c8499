package dev.bolide.broker.metadata;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Function;

/**
 * One metadata file, written the RocketMQ way: the new content goes to {@code <file>.tmp} and is
 * forced, the current file is copied to {@code <file>.bak}, then the temporary file is renamed over
 * the file. A crash at any point leaves either the old or the new content readable; reading falls
 * back to {@code .bak} when the file is missing, empty or does not parse.
 */
public final class MetadataFile {
    private static final System.Logger LOG = System.getLogger(MetadataFile.class.getName());

    private final Path file;
    private final Path temporary;
    private final Path backup;

    public MetadataFile(Path file) {
        this.file = file;
        this.temporary = file.resolveSibling(file.getFileName() + ".tmp");
        this.backup = file.resolveSibling(file.getFileName() + ".bak");
    }

    /**
     * The parsed content of the file, or of its backup when the file cannot be used; empty when
     * neither exists or parses.
     *
     * @param parse throws {@link IllegalArgumentException} (or an unchecked exception) on bad content
     */
    public <T> Optional<T> load(Function<String, T> parse) throws IOException {
        for (Path candidate : new Path[] {file, backup}) {
            Optional<T> content = parseIfUsable(candidate, parse);
            if (content.isPresent()) {
                return content;
            }
        }
        return Optional.empty();
    }

    private <T> Optional<T> parseIfUsable(Path candidate, Function<String, T> parse) throws IOException {
        if (!Files.exists(candidate) || Files.size(candidate) == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(Files.readString(candidate, StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "{0} cannot be read ({1}); trying its backup", candidate, e.getMessage());
            return Optional.empty();
        }
    }

    public void store(String content) throws IOException {
        Files.createDirectories(file.getParent());
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            channel.write(StandardCharsets.UTF_8.encode(content));
            channel.force(true);
        }
        if (Files.exists(file)) {
            Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
