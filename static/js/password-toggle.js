// Show/hide toggle for password inputs: a button with data-password-toggle-for="<input id>".
// Kept in a static file so the pages need no inline script (Content-Security-Policy).
document.querySelectorAll("[data-password-toggle-for]").forEach((button) => {
  const input = document.getElementById(button.dataset.passwordToggleFor);
  if (!input) return;
  button.addEventListener("click", () => {
    const show = input.type === "password";
    input.type = show ? "text" : "password";
    button.textContent = show ? "Hide" : "Show";
    button.setAttribute("aria-label", show ? "Hide password" : "Show password");
    button.setAttribute("aria-pressed", String(show));
  });
});
