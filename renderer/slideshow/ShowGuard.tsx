// If rendering the show ever throws, React would leave a blank page for good.
// This boundary shows black instead and reloads the page after a while
// (again and again while the shell is unreachable).
import { Component, type ReactNode } from 'react';

export const RECOVER_MS = 10_000;

interface ShowGuardProps {
  reload: () => void;
  children: ReactNode;
}

export class ShowGuard extends Component<ShowGuardProps, { crashed: boolean }> {
  override state = { crashed: false };
  private timer: ReturnType<typeof setInterval> | undefined;

  static getDerivedStateFromError(): { crashed: boolean } {
    return { crashed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('slideshow crashed, reloading soon', error);
    clearInterval(this.timer);
    this.timer = setInterval(() => this.props.reload(), RECOVER_MS);
  }

  override componentWillUnmount(): void {
    clearInterval(this.timer);
  }

  override render(): ReactNode {
    return this.state.crashed ? <div className="slideshow" data-testid="show-crashed" /> : this.props.children;
  }
}
