package dev.bolide.ra.crash;

import jakarta.ejb.EJB;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /pay?input=..&queue=..&text=..[&hang=prepare]}: how the crash test, outside the server,
 * starts the transaction that hangs in commit (in prepare with {@code hang=prepare}).
 */
@WebServlet("/pay")
public class PaymentServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @EJB
    private HangingPayment payment;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        try {
            String input = request.getParameter("input");
            String queue = request.getParameter("queue");
            String text = request.getParameter("text");
            if ("prepare".equals(request.getParameter("hang"))) {
                payment.payHangingInPrepare(input, queue, text);
            } else {
                payment.pay(input, queue, text);
            }
        } catch (Exception e) {
            throw new ServletException(e);
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
