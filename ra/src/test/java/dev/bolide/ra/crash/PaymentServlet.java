package dev.bolide.ra.crash;

import jakarta.ejb.EJB;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code POST /pay?input=..&queue=..&text=..}: how the crash test, outside the server, starts the hanging transaction. */
@WebServlet("/pay")
public class PaymentServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @EJB
    private HangingPayment payment;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        try {
            payment.pay(request.getParameter("input"), request.getParameter("queue"), request.getParameter("text"));
        } catch (Exception e) {
            throw new ServletException(e);
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
