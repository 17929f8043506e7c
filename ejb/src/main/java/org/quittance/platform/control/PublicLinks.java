package org.quittance.platform.control;

/** Links that leave the server in e-mails and PDFs: built on the configured public URL of the portal. */
public final class PublicLinks {

    private PublicLinks() {
    }

    public static String base() {
        String url = System.getProperty("quittance.public-url", "http://localhost:8080");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public static String portal(String pathAndQuery) {
        return base() + "/portal/" + pathAndQuery;
    }

    public static String staff(String pathAndQuery) {
        return base() + "/staff/" + pathAndQuery;
    }
}
