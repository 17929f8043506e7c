package org.quittance.receipts.control;

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
}
