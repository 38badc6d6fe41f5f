import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A backend as a Java developer writes it: java.net.http.HttpClient with default settings (which asks for HTTP/2 and
 * so sends "Upgrade: h2c" on http:// URLs). Prints the token answer and the snTicket answer, one JSON body a line.
 */
public class WxClient {
  public static void main(String[] args) throws Exception {
    String base = args[0];
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> token = client.send(
        HttpRequest.newBuilder(URI.create(base + "/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    System.out.println(token.body().replace('\n', ' '));
    String accessToken = token.body().replaceAll("(?s).*\"access_token\":\"([^\"]+)\".*", "$1");
    HttpResponse<String> ticket = client.send(
        HttpRequest.newBuilder(URI.create(base + "/wxa/getsnticket?access_token=" + accessToken))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"sn\":\"SN-JAVA-0001\",\"model_id\":\"model-linux-doorbell\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    System.out.println(ticket.body().replace('\n', ' '));
    System.out.println("version " + token.version() + " " + ticket.version());
  }
}
