// "Test before saving": post the form with action=test and show the result in place,
// so the typed password stays in its field. Without script, the button posts normally
// and the page comes back with the result (the password must then be typed again).
const button = document.querySelector("[data-test-before-saving]");
const form = button && button.form;
const output = document.getElementById("test-result");

function show(css, title, text) {
  const box = document.createElement("div");
  box.className = `alert alert-${css} mb-0`;
  box.setAttribute("role", "status");
  const strong = document.createElement("strong");
  strong.textContent = title;
  box.append(strong, " ", text);
  output.replaceChildren(box);
}

if (button && form && output) {
  button.addEventListener("click", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    data.set("action", "test");
    button.disabled = true;
    const label = button.textContent;
    button.textContent = "Testing…";
    try {
      // getAttribute: the button named "action" shadows form.action.
      const response = await fetch(form.getAttribute("action") || window.location.href, {
        method: "POST",
        body: data,
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      const result = await response.json();
      if (result.errors) {
        const problems = Object.entries(result.errors)
          .map(([field, errors]) => `${field}: ${errors.map((e) => e.message).join(" ")}`)
          .join(" ");
        show("danger", "Fix the form first.", problems);
      } else {
        show(result.css, `${result.label}.`, result.message);
      }
    } catch (error) {
      show("danger", "The test could not run.", String(error));
    } finally {
      button.disabled = false;
      button.textContent = label;
    }
  });
}
