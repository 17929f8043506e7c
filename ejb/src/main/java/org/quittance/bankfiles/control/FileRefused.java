package org.quittance.bankfiles.control;

/** A bank file that cannot be taken: the line where reading stopped and why. Nothing of the file is applied. */
public class FileRefused extends RuntimeException {

    private final int line;

    public FileRefused(int line, String reason) {
        super("Line " + line + ": " + reason);
        this.line = line;
    }

    public int line() {
        return line;
    }

    /**
     * The first step of every bank-file import: the whole file read by its reader, or refused for the
     * person who sent it, naming the file, the line and the reason, before anything is recorded.
     */
    public static <T> T readWhole(String fileName, java.util.function.Supplier<T> reader) {
        try {
            return reader.get();
        } catch (FileRefused e) {
            throw new org.quittance.platform.control.RuleViolation(fileName + " was not imported. " + e.getMessage() + ".");
        }
    }
}
