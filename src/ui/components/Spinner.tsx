import { Text } from 'ink';
import { useEffect, useState } from 'react';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A braille spinner; each one keeps its own timer so only it re-renders on every frame. */
export function Spinner({ color = 'cyan' }: { color?: string }) {
  const [frame, setFrame] = useState(0);

  useEffect(() => {
    const timer = setInterval(() => setFrame((previous) => (previous + 1) % FRAMES.length), 100);
    return () => clearInterval(timer);
  }, []);

  return <Text color={color}>{FRAMES[frame]}</Text>;
}

export const SPINNER_FRAMES: readonly string[] = FRAMES;
