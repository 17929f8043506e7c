package org.quittance.platform.control;

/** Links that leave the server in e-mails and PDFs: built on the configured public URL of the portal. */
public final class PublicLinks {

    private PublicLinks() {
    }

    public static String base() {
        return Settings.publicUrl();
    }

    public static String portal(String pathAndQuery) {
        return base() + "/portal/" + pathAndQuery;
    }

    public static String staff(String pathAndQuery) {
        return base() + "/staff/" + pathAndQuery;
    }
}
