package dk.dealfinder.scraper.site;

/** A page that does not have the structure the adapter expects (a layout change or a bad reply). */
public class MalformedPageException extends Exception {

    public MalformedPageException(String message) {
        super(message);
    }

    public MalformedPageException(String message, Throwable cause) {
        super(message, cause);
    }
}
