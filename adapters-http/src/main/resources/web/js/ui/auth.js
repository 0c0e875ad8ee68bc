// Signed out: sign in with a username or phone, or create an account as a user or an agent.
import { ErrorText, Field, html } from "./common.js";
import { useState } from "../../vendor/htm-preact.module.js";

function useSubmit(action) {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action(Object.fromEntries(new FormData(event.currentTarget)));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return { error, busy, submit };
}

export function SignIn({ client }) {
  const { error, busy, submit } = useSubmit(({ login, password }) => client.logIn(login.trim(), password));
  return html`<main class="signed-out" id="main">
    <form class="card" onSubmit=${submit} aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      <${Field} label="Username or phone" name="login" autocomplete="username" required autofocus />
      <${Field} label="Password" name="password" type="password" autocomplete="current-password" required />
      <${ErrorText} error=${error} />
      <button type="submit" class="primary" disabled=${busy}>Sign in</button>
      <p class="switch">New here? <a href="#/create-account">Create account</a></p>
    </form>
  </main>`;
}

export function CreateAccount({ client }) {
  const { error, busy, submit } = useSubmit((fields) => client.register(fields));
  return html`<main class="signed-out" id="main">
    <form class="card" onSubmit=${submit} aria-labelledby="create-title">
      <h1 id="create-title">Create account</h1>
      <${Field} label="Username" name="username" autocomplete="username" required autofocus error=${error}
        hint="3 to 32 letters, digits, _ or ." />
      <${Field} label="Phone" name="phone" type="tel" autocomplete="tel" required error=${error}
        hint="With the country code, such as +44 7911 123456. Nobody else ever sees it." />
      <${Field} label="Password" name="password" type="password" autocomplete="new-password" required error=${error}
        hint="At least 8 characters" />
      <fieldset class="role">
        <legend>Role</legend>
        <label><input type="radio" name="role" value="user" checked /> User</label>
        <label><input type="radio" name="role" value="agent" /> Agent</label>
      </fieldset>
      <${ErrorText} error=${error} fields=${["username", "phone", "password"]} />
      <button type="submit" class="primary" disabled=${busy}>Create account</button>
      <p class="switch">Have an account? <a href="#/">Sign in</a></p>
    </form>
  </main>`;
}
