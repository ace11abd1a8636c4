package io.kgate.cli;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The git commands kgate runs for {@code --new-from-rev} and {@code --staged}. Every command only
 * reads the repository (rev-parse, merge-base, ls-tree, ls-files, cat-file): the user's working
 * tree and index are never changed. A problem is a {@link KgateCommand.UsageError} that says how
 * to fix it.
 */
final class Git {
    /** A file of a git tree or of the index: its mode, blob id and path relative to the top-level. */
    record Entry(String mode, String blob, String path) {
    }

    private final Path dir;

    private Git(Path dir) {
        this.dir = dir;
    }

    /** The repository holding the working directory; exit 2 when there is none or git is missing. */
    static Git here(String option) {
        Git git = new Git(Path.of("").toAbsolutePath());
        Out r = git.tryRun("rev-parse", "--show-toplevel");
        if (r.code != 0) {
            throw new KgateCommand.UsageError(option + " needs a git repository, and " + git.dir
                    + " is not inside one (" + r.errorLine() + ")");
        }
        return git;
    }

    /** The repository whose work tree holds {@code dir} (nothing is checked until a command runs). */
    static Git at(Path dir) {
        return new Git(dir);
    }

    /**
     * The tracked files that .gitignore patterns match, relative to the top-level: ignore patterns do
     * not apply to them. Empty when git cannot tell.
     */
    List<String> trackedButIgnored() {
        try {
            Out r = tryRun("ls-files", "-z", "--cached", "--ignored", "--exclude-standard", "--full-name");
            return r.code == 0 ? r.records() : List.of();
        } catch (KgateCommand.UsageError e) {
            return List.of(); // no git on PATH: every match counts as ignored
        }
    }

    /** The top-level directory of the work tree. */
    Path topLevel() {
        return Path.of(run("rev-parse", "--show-toplevel").text().strip());
    }

    /** The full commit id of {@code rev}, or null when it names no commit. */
    String commit(String rev) {
        Out r = tryRun("rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}");
        return r.code == 0 ? r.text().strip() : null;
    }

    /** The best common ancestor of two commits, or null when their histories are unrelated (or cut off). */
    String mergeBase(String a, String b) {
        Out r = tryRun("merge-base", a, b);
        return r.code == 0 ? r.text().strip() : null;
    }

    /** The files of a commit's tree. */
    List<Entry> tree(String commit) {
        List<Entry> out = new ArrayList<>();
        for (String rec : run("ls-tree", "-r", "-z", "--full-tree", commit).records()) {
            int tab = rec.indexOf('\t');
            String[] meta = rec.substring(0, tab).split(" ");
            if (meta[1].equals("blob")) {
                out.add(new Entry(meta[0], meta[2], rec.substring(tab + 1)));
            }
        }
        return out;
    }

    /**
     * The files of the index (honouring {@code GIT_INDEX_FILE}, which git sets for a commit hook of
     * {@code git commit -a}); of a file in conflict, "ours" (stage 2).
     */
    List<Entry> index() {
        List<Entry> out = new ArrayList<>();
        for (String rec : run("ls-files", "-s", "-z").records()) {
            int tab = rec.indexOf('\t');
            String[] meta = rec.substring(0, tab).split(" ");
            String stage = meta[2];
            if ((stage.equals("0") || stage.equals("2")) && !meta[0].equals("160000")) {
                out.add(new Entry(meta[0], meta[1], rec.substring(tab + 1)));
            }
        }
        return out;
    }

    /**
     * Writes the blobs of {@code entries} under {@code root} (symbolic links as links), reading
     * them with one {@code git cat-file --batch}.
     */
    void export(List<Entry> entries, Path root) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        Process p = start(List.of("cat-file", "--batch"), true);
        Thread feeder = Thread.ofPlatform().daemon().start(() -> {
            try (OutputStream in = p.getOutputStream()) {
                for (Entry e : entries) {
                    in.write((e.blob + "\n").getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException ignored) {
                // git stopped reading: the reader below reports the short output
            }
        });
        try (DataInputStream out = new DataInputStream(p.getInputStream())) {
            for (Entry e : entries) {
                String header = readLine(out);
                String[] parts = header.split(" ");
                if (parts.length != 3 || !parts[1].equals("blob")) {
                    throw new IOException("git cat-file: unexpected answer '" + header + "' for " + e.path);
                }
                byte[] content = new byte[Math.toIntExact(Long.parseLong(parts[2]))];
                out.readFully(content);
                out.readByte(); // the newline after the content
                Path target = root.resolve(e.path).normalize();
                if (!target.startsWith(root)) {
                    continue; // git never stores such paths; never write outside the snapshot
                }
                Files.createDirectories(target.getParent());
                if (e.mode.equals("120000")) {
                    Files.createSymbolicLink(target, Path.of(new String(content, StandardCharsets.UTF_8)));
                } else {
                    Files.write(target, content);
                }
            }
        } finally {
            p.destroy();
            try {
                feeder.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("git cat-file ended early");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** What a git command printed and its exit code. */
    record Out(int code, byte[] stdout, String stderr) {
        String text() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** NUL-separated records ({@code -z} output). */
        List<String> records() {
            List<String> out = new ArrayList<>();
            for (String s : text().split("\0")) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
            return out;
        }

        String errorLine() {
            String s = stderr.strip();
            int nl = s.indexOf('\n');
            return nl < 0 ? s : s.substring(0, nl);
        }
    }

    private Out run(String... args) {
        Out r = tryRun(args);
        if (r.code != 0) {
            throw new KgateCommand.UsageError("git " + args[0] + " failed: " + r.errorLine());
        }
        return r;
    }

    private Out tryRun(String... args) {
        try {
            Process p = start(List.of(args), false);
            p.getOutputStream().close();
            // stderr is small; read it after stdout (which may be large) so neither pipe blocks git
            Thread.Builder b = Thread.ofPlatform().daemon();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = b.start(() -> {
                try {
                    p.getErrorStream().transferTo(err);
                } catch (IOException ignored) {
                    // nothing more to read
                }
            });
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new KgateCommand.UsageError("git " + args[0] + " did not finish within 60 s");
            }
            errReader.join(5000);
            return new Out(p.exitValue(), out, err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KgateCommand.UsageError("cannot run git (is it installed and on PATH?): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KgateCommand.UsageError("interrupted while running git");
        }
    }

    private Process start(List<String> args, boolean discardErrors) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        // paths as bytes-for-bytes UTF-8, never quoted; no pager, no colour
        cmd.addAll(List.of("-c", "core.quotePath=false", "--no-pager"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("GIT_OPTIONAL_LOCKS", "0"); // read-only: do not even refresh the index
        if (discardErrors) {
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        return pb.start();
    }
}
