// The admin entry of a local plugin that adds one page to the main menu (comments, accounts, push):
// the menu link, lazily loaded page and permissions, then the plugin's registration.
type AdminApp = {
  addMenuLink(link: unknown): void;
  registerPlugin(plugin: { id: string; name: string }): void;
};

export interface PluginPage {
  /** The plugin's id; the page lives at /admin/plugins/<id>. */
  id: string;
  name: string;
  icon: unknown;
  label: { id: string; defaultMessage: string };
  /** Admin permissions needed to see the link; empty: every admin user. */
  permissions: Array<{ action: string; subject: null }>;
  page: () => Promise<unknown>;
}

export function pluginPage(p: PluginPage) {
  return {
    register(app: AdminApp) {
      app.addMenuLink({ to: `plugins/${p.id}`, icon: p.icon, intlLabel: p.label, permissions: p.permissions, Component: p.page });
      app.registerPlugin({ id: p.id, name: p.name });
    },
  };
}
