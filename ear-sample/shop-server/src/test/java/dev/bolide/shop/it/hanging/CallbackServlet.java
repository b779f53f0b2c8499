package dev.bolide.shop.it.hanging;

import jakarta.ejb.EJB;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code POST /pay?order=N}: how the crash test starts the shop's payment that hangs in commit. */
@WebServlet("/pay")
public class CallbackServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @EJB
    private HangingCallback callback;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        try {
            callback.pay(Long.parseLong(request.getParameter("order")));
        } catch (Exception e) {
            throw new ServletException(e);
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
